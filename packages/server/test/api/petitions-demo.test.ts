import { addCalendarDays, todayInVietnam, type Petition, type PetitionSummary } from '@caunoi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../api-client.js';
import { testEngines } from '../engines.js';
import { startTestApp, type TestApp } from '../fixture.js';

const engines = await testEngines();

describe.each(engines)('petitions in the demo on %s', (engine) => {
  let t: TestApp;
  let leader: ApiClient;
  let member: ApiClient;
  let hoaThanh: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(engine);
    leader = await loginAs(t.app, 'bithu.thanhloc');
    member = await loginAs(t.app, 'dangvien.thanhan');
    hoaThanh = await loginAs(t.app, 'bithu.hoathanh');
  });
  afterAll(() => t.close());

  const list = async (client: ApiClient, query = '') =>
    (await client.get(`/api/v1/petitions?limit=200${query}`)).json().items as PetitionSummary[];

  it('lists the commune petitions to its secretary, in every state, with their history', async () => {
    const all = await list(leader);
    expect(all.length).toBeGreaterThanOrEqual(35);
    const states = new Set(all.map((p) => p.state));
    for (const s of ['received', 'forwarded', 'acknowledged', 'answered', 'relayed', 'closed', 'reopened'])
      expect(states.has(s as PetitionSummary['state']), s).toBe(true);
    expect(all.some((p) => p.overdue)).toBe(true);
    expect(all.some((p) => p.escalations > 0)).toBe(true);
    const reopened = all.find((p) => p.state === 'reopened')!;
    const detail = (await leader.get(`/api/v1/petitions/${reopened.id}`)).json() as Petition;
    expect(detail.steps.map((s) => s.action)).toEqual([
      'create',
      'forward',
      'acknowledge',
      'answer',
      'relay',
      'reopen',
    ]);
    expect(detail.answer).not.toBeNull();
  });

  it("shows a member the petitions they took, and another commune's cell only its own", async () => {
    const mine = await list(member);
    expect(mine.length).toBeGreaterThan(0);
    const own = await list(hoaThanh);
    const leaders = new Set((await list(leader)).map((p) => p.id));
    for (const p of own) expect(leaders.has(p.id)).toBe(false);
    for (const p of mine) expect(leaders.has(p.id)).toBe(true);
  });

  it('counts them in the petition figures and the bell', async () => {
    const today = todayInVietnam();
    const from = addCalendarDays(today, -150);
    const response = await leader.get(
      `/api/v1/petitions/figures?unitId=${t.ids.thanhLocId}&from=${from}&to=${today}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().received).toBeGreaterThanOrEqual(35);
    const bell = (await leader.get('/api/v1/notifications/summary')).json();
    expect(bell.waiting).toBeGreaterThan(0);
    const notices = (await leader.get('/api/v1/notifications?limit=200')).json().items as unknown[];
    expect(notices.length).toBeGreaterThan(0);
  });
});
