import {
  addCalendarDays,
  answerTargetDate,
  daysBetween,
  defaultPetitionSettings,
  dueDate,
  isOverdue,
  nextState,
  stepOf,
  type NotificationKind,
  type PetitionAction,
  type PetitionCategory,
  type PetitionChannel,
  type PetitionState,
  type WorkCalendar,
} from '@caunoi/domain';
import type { DemoAccount, DemoData, DemoHousehold } from './demo-types.js';
import { committeeCode, communeCode, hoaThuan, thanhLoc, type CommuneSpec } from './giong-rieng-spec.js';
import { at, createRng, type Rng } from './prng.js';

/*
 * Petitions (kiến nghị) for the demo: about fifty in Thạnh Lộc and a few in
 * Hòa Thuận, received over the four months before `today`, in every state of
 * the lifecycle. Each petition is played step by step through the domain's
 * transition table with the default deadlines, exactly as the service and
 * the deadline job would have written it, so that its history, due dates,
 * escalations and notifications agree with its state. Pure: the same data,
 * `today` and calendar give the same result.
 */

/** Where a step sends the petition: a unit by its role for this household. */
type Target = 'cell' | 'committee' | 'people';

type ScriptStep =
  | { action: Exclude<PetitionAction, 'forward' | 'merge'>; gap: number }
  | { action: 'forward'; gap: number; to: Target }
  | { action: 'merge'; gap: number };

/** Who acted: the taking member, an account or a unit's officer, or the deadline job. */
export interface DemoPetitionActor {
  username: string | null;
  memberCode: string | null;
  name: string | null;
}

export interface DemoPetitionStep {
  at: string;
  date: string;
  action: PetitionAction | 'create';
  fromState: PetitionState | null;
  toState: PetitionState;
  actor: DemoPetitionActor;
  note: string | null;
  targetUnitCode: string | null;
  dueOn: string | null;
  late: boolean;
}

export interface DemoNotification {
  kind: NotificationKind;
  at: string;
  /** The unit the notice is about. */
  unitCode: string | null;
  /** Non-member accounts of these units are told, and the accounts of these members. */
  unitCodes: string[];
  memberCodes: string[];
  exceptUsername: string | null;
  read: boolean;
}

export interface DemoPetition {
  code: string;
  cellCode: string;
  orgCode: string;
  householdCodes: string[];
  memberCode: string;
  receivedOn: string;
  channel: PetitionChannel;
  category: PetitionCategory;
  title: string;
  content: string;
  state: PetitionState;
  holderUnitCode: string;
  holderMemberCode: string | null;
  stepDueOn: string | null;
  escalations: number;
  answer: string | null;
  answeredByUnitCode: string | null;
  answerDueOn: string;
  answeredOn: string | null;
  relayedOn: string | null;
  closedOn: string | null;
  satisfied: boolean | null;
  mergedIntoCode: string | null;
  /** Units the petition went to (forwarded, escalated, appealed): they keep seeing it. */
  grantedUnitCodes: string[];
  steps: DemoPetitionStep[];
  notifications: DemoNotification[];
}

interface Topic {
  category: PetitionCategory;
  title: string;
  content: string;
  answer: string;
}

const topics: readonly Topic[] = [
  {
    category: 'infrastructure',
    title: 'Đề nghị sửa đoạn đường đal bị sụt lún',
    content:
      'Đoạn đường đal trước nhà dài khoảng 40 mét bị sụt lún, mùa mưa đọng nước, học sinh đi lại khó khăn. Hộ đề nghị xã khảo sát, sửa chữa.',
    answer:
      'UBND xã đã khảo sát hiện trạng, đưa đoạn đường vào kế hoạch duy tu năm nay; đơn vị thi công khởi công trong tháng tới.',
  },
  {
    category: 'infrastructure',
    title: 'Đề nghị nạo vét cống thoát nước bị tắc',
    content:
      'Cống thoát nước ngang đường bị bùn, rác lấp kín, mỗi lần mưa lớn nước tràn vào sân và nhà. Đề nghị nạo vét, thay nắp cống bị vỡ.',
    answer:
      'Xã đã giao tổ dân phòng và đoàn thanh niên ra quân nạo vét cống; nắp cống vỡ được thay mới bằng kinh phí duy tu.',
  },
  {
    category: 'infrastructure',
    title: 'Đề nghị lắp đèn chiếu sáng tuyến kênh',
    content:
      'Tuyến lộ dọc kênh từ cầu ấp đến trường tiểu học không có đèn, buổi tối đi lại nguy hiểm. Hộ đề nghị lắp thêm đèn chiếu sáng công cộng.',
    answer:
      'Tuyến lộ đã có trong danh sách công trình "thắp sáng đường quê" năm nay, nhân dân và xã cùng góp kinh phí, dự kiến lắp xong trước Tết.',
  },
  {
    category: 'infrastructure',
    title: 'Cầu gỗ qua kênh xuống cấp',
    content:
      'Cây cầu gỗ qua kênh nội đồng bị mục ván, lan can gãy, người già và trẻ em qua cầu rất nguy hiểm. Đề nghị gia cố hoặc làm cầu mới.',
    answer:
      'Xã đã cho gia cố tạm mặt cầu và lan can; cầu bê tông thay thế được đề nghị huyện đưa vào kế hoạch đầu tư năm sau.',
  },
  {
    category: 'land',
    title: 'Đề nghị hướng dẫn cấp đổi giấy chứng nhận quyền sử dụng đất',
    content:
      'Giấy chứng nhận quyền sử dụng đất của hộ cấp từ năm 1998 đã rách, sai diện tích so với đo đạc mới. Hộ đề nghị được hướng dẫn thủ tục cấp đổi.',
    answer:
      'Công chức địa chính đã hướng dẫn hộ lập hồ sơ cấp đổi; hồ sơ được tiếp nhận tại bộ phận một cửa, hẹn trả kết quả sau 20 ngày.',
  },
  {
    category: 'land',
    title: 'Tranh chấp ranh đất với hộ liền kề',
    content:
      'Hộ liền kề rào lấn khoảng 1 mét sang phần đất của gia đình. Hai bên đã nói chuyện nhưng chưa thống nhất, đề nghị tổ hòa giải và xã đo đạc lại ranh.',
    answer:
      'Tổ hòa giải ấp cùng địa chính xã đã đo đạc, cắm mốc theo bản đồ địa chính; hai hộ thống nhất ranh và ký biên bản hòa giải thành.',
  },
  {
    category: 'social_support',
    title: 'Đề nghị xem xét hỗ trợ nhà ở cho hộ nghèo',
    content:
      'Nhà của hộ là nhà tạm, mái lá dột nát, vách xiêu vẹo. Hộ thuộc diện nghèo, đề nghị xem xét hỗ trợ xây nhà Đại đoàn kết.',
    answer:
      'Ủy ban MTTQ xã đã đưa hộ vào danh sách hỗ trợ nhà Đại đoàn kết đợt tới, mức hỗ trợ 50 triệu đồng; ấp vận động thêm ngày công.',
  },
  {
    category: 'social_support',
    title: 'Đề nghị xét trợ cấp xã hội cho người cao tuổi',
    content:
      'Mẹ của chủ hộ đã 81 tuổi, sống cùng gia đình, chưa được hưởng trợ cấp xã hội hằng tháng. Đề nghị xã hướng dẫn hồ sơ.',
    answer:
      'Công chức văn hóa - xã hội đã hướng dẫn hồ sơ; cụ được hưởng trợ cấp hằng tháng từ tháng sau theo Nghị định 20/2021/NĐ-CP.',
  },
  {
    category: 'social_support',
    title: 'Đề nghị hỗ trợ vay vốn chăn nuôi',
    content:
      'Hộ cận nghèo muốn vay vốn Ngân hàng Chính sách xã hội để nuôi bò sinh sản nhưng chưa biết thủ tục. Đề nghị hướng dẫn và xét cho vay.',
    answer:
      'Tổ tiết kiệm và vay vốn của Hội Nông dân đã bình xét, hồ sơ vay 40 triệu đồng đã chuyển Ngân hàng Chính sách xã hội huyện.',
  },
  {
    category: 'health',
    title: 'Thẻ bảo hiểm y tế hộ cận nghèo chưa được cấp',
    content:
      'Gia đình thuộc hộ cận nghèo từ đầu năm nhưng đến nay chưa nhận thẻ bảo hiểm y tế, đi khám bệnh phải trả toàn bộ chi phí.',
    answer:
      'Xã đã rà soát, bổ sung tên các thành viên vào danh sách đề nghị cấp thẻ; Bảo hiểm xã hội huyện đã in thẻ, ấp giao tận nhà.',
  },
  {
    category: 'health',
    title: 'Sai thông tin trên thẻ bảo hiểm y tế',
    content:
      'Thẻ bảo hiểm y tế của con ghi sai năm sinh, khi đi khám bị trạm y tế yêu cầu điều chỉnh. Đề nghị hướng dẫn cách sửa.',
    answer:
      'Cán bộ thu bảo hiểm xã đã lập phiếu điều chỉnh thông tin gửi Bảo hiểm xã hội huyện; thẻ mới được cấp sau 7 ngày làm việc.',
  },
  {
    category: 'environment',
    title: 'Phản ánh trại heo xả thải ra kênh',
    content:
      'Một trại heo đầu ấp xả nước thải chưa xử lý ra kênh, mùi hôi nặng, nước kênh đen, các hộ phía dưới không dùng được nước tưới.',
    answer:
      'Đoàn kiểm tra của xã đã lập biên bản, yêu cầu chủ trại xây hầm biogas và ngưng xả thải trong 30 ngày; xã sẽ tái kiểm tra.',
  },
  {
    category: 'environment',
    title: 'Đề nghị bố trí điểm thu gom rác',
    content:
      'Tuyến lộ của ấp chưa có xe thu gom rác, người dân đốt rác hoặc bỏ xuống kênh. Đề nghị bố trí điểm tập kết và lịch thu gom.',
    answer:
      'Xã đã thống nhất với đơn vị thu gom bổ sung tuyến của ấp, xe thu gom hai lần mỗi tuần; ấp vận động các hộ đăng ký.',
  },
  {
    category: 'security_order',
    title: 'Phản ánh tụ tập đua xe ban đêm',
    content:
      'Nhiều đêm có nhóm thanh niên tụ tập, chạy xe tốc độ cao, nẹt pô trên tuyến lộ ấp, gây mất an ninh trật tự và nguy hiểm cho người đi đường.',
    answer:
      'Công an xã đã tăng cường tuần tra ban đêm trên tuyến lộ, mời gia đình các thanh niên liên quan đến làm việc và ký cam kết.',
  },
  {
    category: 'security_order',
    title: 'Phản ánh mất trộm gia súc',
    content:
      'Trong tháng, hai hộ trong xóm bị mất trộm bò ban đêm. Đề nghị công an xã điều tra và tăng cường tuần tra.',
    answer:
      'Công an xã đã tiếp nhận tin báo, phối hợp công an huyện xác minh; tổ an ninh ấp tổ chức tuần tra luân phiên ban đêm.',
  },
  {
    category: 'administrative_procedure',
    title: 'Hồ sơ chứng thực trễ hẹn',
    content:
      'Hộ nộp hồ sơ chứng thực hợp đồng tặng cho tại bộ phận một cửa nhưng quá ngày hẹn chưa nhận được kết quả, đi lại nhiều lần.',
    answer:
      'Bộ phận một cửa đã trả kết quả và xin lỗi hộ vì trễ hẹn; xã chấn chỉnh việc theo dõi phiếu hẹn trên hệ thống.',
  },
  {
    category: 'administrative_procedure',
    title: 'Đề nghị hướng dẫn đăng ký khai sinh trễ hạn',
    content:
      'Cháu nội sinh ở nơi khác, đến nay chưa làm khai sinh. Gia đình đề nghị được hướng dẫn hồ sơ đăng ký khai sinh trễ hạn.',
    answer:
      'Công chức tư pháp - hộ tịch đã hướng dẫn hồ sơ; cháu được đăng ký khai sinh và cấp mã định danh ngay trong ngày nộp đủ hồ sơ.',
  },
  {
    category: 'education',
    title: 'Đề nghị hỗ trợ học phí cho học sinh hộ nghèo',
    content:
      'Hai con của hộ đang học trung học cơ sở, gia đình khó khăn, chưa được miễn giảm học phí. Đề nghị xã xác nhận và hướng dẫn hồ sơ.',
    answer:
      'Xã đã xác nhận hộ nghèo, nhà trường hoàn thiện hồ sơ miễn học phí và hỗ trợ chi phí học tập cho hai cháu từ học kỳ này.',
  },
  {
    category: 'education',
    title: 'Đề nghị bố trí đưa rước học sinh mùa nước',
    content:
      'Mùa nước, đường từ ấp đến điểm trường bị ngập, các cháu phải lội nước đi học. Đề nghị bố trí đò hoặc xe đưa rước.',
    answer:
      'Đoàn thanh niên xã phối hợp nhà trường bố trí đò đưa rước học sinh miễn phí trong các tháng nước lên.',
  },
];

const notes: Partial<Record<PetitionAction, readonly string[]>> = {
  forward: [
    'Chuyển để xử lý theo thẩm quyền.',
    'Chi bộ đã xem xét, chuyển lên xã.',
    'Vượt thẩm quyền của ấp, chuyển UBND xã.',
  ],
  acknowledge: ['Đã tiếp nhận, giao công chức phụ trách xử lý.', 'Đã nhận, sẽ khảo sát thực tế.'],
  relay: ['Đã đến nhà báo kết quả cho hộ.', 'Đã thông tin kết quả cho hộ qua điện thoại.'],
  close: ['Hộ thống nhất với kết quả giải quyết.'],
  reopen: ['Hộ chưa đồng ý với kết quả, đề nghị cấp trên xem xét lại.'],
  withdraw: ['Hai hộ đã tự thỏa thuận được, hộ rút kiến nghị.'],
  merge: ['Trùng nội dung với kiến nghị của hộ lân cận.'],
};

/** What each petition goes through, and how many of each. */
interface Shape {
  name: string;
  steps: ScriptStep[];
  /** Days from the last step to today: small keeps its due date ahead; large makes it overdue. */
  idle: [number, number];
  count: number;
}

const fwd = (to: Target, gap: number): ScriptStep => ({ action: 'forward', to, gap });
const s = (action: Exclude<PetitionAction, 'forward' | 'merge'>, gap: number): ScriptStep => ({
  action,
  gap,
});
const answered = (to: Target): ScriptStep[] => [fwd(to, 1), s('acknowledge', 1), s('answer', 9)];

const shapes: readonly Shape[] = [
  { name: 'received', steps: [], idle: [0, 1], count: 3 },
  { name: 'forwarded-cell', steps: [fwd('cell', 1)], idle: [0, 1], count: 3 },
  { name: 'forwarded-committee', steps: [fwd('committee', 2)], idle: [0, 1], count: 2 },
  { name: 'forwarded-people', steps: [fwd('people', 1)], idle: [0, 1], count: 3 },
  { name: 'acknowledged', steps: [fwd('people', 1), s('acknowledge', 1)], idle: [2, 8], count: 5 },
  { name: 'answered', steps: answered('people'), idle: [0, 1], count: 3 },
  { name: 'relayed', steps: [...answered('committee'), s('relay', 2)], idle: [1, 5], count: 3 },
  { name: 'closed', steps: [...answered('people'), s('relay', 2), s('close', 3)], idle: [4, 100], count: 16 },
  {
    name: 'closed-via-cell',
    steps: [
      fwd('cell', 1),
      fwd('people', 2),
      s('acknowledge', 1),
      s('answer', 12),
      s('relay', 1),
      s('close', 2),
    ],
    idle: [4, 100],
    count: 4,
  },
  { name: 'reopened', steps: [...answered('people'), s('relay', 2), s('reopen', 4)], idle: [0, 1], count: 2 },
  {
    name: 'reopened-acknowledged',
    steps: [...answered('people'), s('relay', 1), s('reopen', 3), s('acknowledge', 2)],
    idle: [3, 6],
    count: 1,
  },
  { name: 'withdrawn', steps: [fwd('cell', 1), s('withdraw', 5)], idle: [10, 60], count: 1 },
  // The member did not pass it on in time: the job gave it to the cell, which then sent it up.
  {
    name: 'escalated-received',
    steps: [s('escalate', 4), fwd('people', 1), s('acknowledge', 1)],
    idle: [1, 6],
    count: 2,
  },
  // Forwarded to the cell and left there: escalated to the commune committee, still waiting (overdue).
  {
    name: 'escalated-cell',
    steps: [fwd('cell', 1), s('escalate', 5), s('escalate', 5)],
    idle: [2, 3],
    count: 1,
  },
  // The answer was late: escalated to the commune committee, then answered and closed.
  {
    name: 'escalated-answer',
    steps: [
      fwd('people', 1),
      s('acknowledge', 2),
      s('escalate', 17),
      s('answer', 4),
      s('relay', 2),
      s('close', 2),
    ],
    idle: [5, 40],
    count: 2,
  },
  // Acknowledged and not answered in time: overdue now.
  { name: 'overdue-answer', steps: [fwd('people', 1), s('acknowledge', 1)], idle: [17, 25], count: 2 },
  // Answered, and the member has not brought the answer back yet: overdue now.
  { name: 'overdue-relay', steps: answered('committee'), idle: [5, 8], count: 1 },
];

interface Commune {
  spec: CommuneSpec;
  committee: string;
  people: string;
  cells: string[];
}

interface Context {
  data: DemoData;
  today: string;
  calendar: WorkCalendar;
  accounts: readonly DemoAccount[];
  memberByCode: Map<string, DemoData['members'][number]>;
  unitName: Map<string, string>;
  parentOf: Map<string, string | null>;
}

const settings = defaultPetitionSettings;

function dueFor(state: PetitionState, start: string, calendar: WorkCalendar): string | null {
  const step = stepOf(state);
  return step ? dueDate(start, settings[step], calendar) : null;
}

/** 08:00–16:59 in Vietnam on `date`, as an ISO instant. */
function instant(rng: Rng, date: string): string {
  const hour = rng.int(1, 9);
  const minute = rng.int(0, 59);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}

function unitActor(ctx: Context, unitCode: string): DemoPetitionActor {
  const account = ctx.accounts.find((a) => a.scopeUnitCode === unitCode && a.role !== 'member');
  if (account)
    return { username: account.username, memberCode: account.memberCode ?? null, name: account.displayName };
  const secretary = ctx.data.members.find((m) => m.cellCode === unitCode && m.role === 'secretary');
  if (secretary) return { username: null, memberCode: secretary.code, name: secretary.fullName };
  return {
    username: null,
    memberCode: null,
    name: `Cán bộ tiếp công dân, ${ctx.unitName.get(unitCode) ?? ''}`,
  };
}

function memberActor(ctx: Context, memberCode: string): DemoPetitionActor {
  const account = ctx.accounts.find((a) => a.memberCode === memberCode);
  return {
    username: account?.username ?? null,
    memberCode,
    name: account?.displayName ?? ctx.memberByCode.get(memberCode)?.fullName ?? null,
  };
}

interface Draft {
  code: string;
  commune: Commune;
  household: DemoHousehold;
  memberCode: string;
  shape: Shape;
  topic: Topic;
  channel: PetitionChannel;
}

/** Plays one petition through the transition table, as the service and the job would have. */
function play(ctx: Context, draft: Draft, earlier = 0): DemoPetition {
  const { commune, household, memberCode, shape, topic } = draft;
  const rng = createRng(`petitions:${ctx.today}:${draft.code}`);
  const span = shape.steps.reduce((sum, st) => sum + st.gap, 0);
  const idle = rng.int(shape.idle[0], shape.idle[1]);
  const receivedOn = addCalendarDays(ctx.today, -(span + Math.max(1, idle) + earlier));
  const cell = household.cellCode;
  const unitOf = (t: Target) =>
    t === 'cell' ? cell : t === 'committee' ? commune.committee : commune.people;
  const due = dueFor('received', receivedOn, ctx.calendar);
  const p: DemoPetition = {
    code: draft.code,
    cellCode: cell,
    orgCode: commune.committee,
    householdCodes: [household.code],
    memberCode,
    receivedOn,
    channel: draft.channel,
    category: topic.category,
    title: topic.title,
    content: topic.content,
    state: 'received',
    holderUnitCode: cell,
    holderMemberCode: memberCode,
    stepDueOn: due,
    escalations: 0,
    answer: null,
    answeredByUnitCode: null,
    answerDueOn: answerTargetDate(receivedOn, settings, ctx.calendar),
    answeredOn: null,
    relayedOn: null,
    closedOn: null,
    satisfied: null,
    mergedIntoCode: null,
    grantedUnitCodes: [],
    steps: [],
    notifications: [],
  };
  const taker = memberActor(ctx, memberCode);
  let date = receivedOn;
  let lastAt = instant(rng, date);
  p.steps.push({
    at: lastAt,
    date,
    action: 'create',
    fromState: null,
    toState: 'received',
    actor: taker,
    note: null,
    targetUnitCode: null,
    dueOn: due,
    late: false,
  });
  const grant = (code: string) => {
    if (!p.grantedUnitCodes.includes(code)) p.grantedUnitCodes.push(code);
  };
  const notify = (
    n: Omit<DemoNotification, 'at' | 'read' | 'exceptUsername'>,
    actor: DemoPetitionActor,
    when: string,
  ) =>
    p.notifications.push({
      ...n,
      at: when,
      exceptUsername: actor.username,
      // Older notices have been opened; the last week's wait in the bell.
      read: when.slice(0, 10) < addCalendarDays(ctx.today, -7),
    });
  for (const st of shape.steps) {
    date = addCalendarDays(date, st.gap);
    // The job escalates only once the due date has passed (holidays can push it past the planned gap).
    if (st.action === 'escalate' && p.stepDueOn !== null && date <= p.stepDueOn)
      date = addCalendarDays(p.stepDueOn, 1);
    let when = instant(rng, date);
    if (when <= lastAt) when = new Date(Date.parse(lastAt) + 60_000).toISOString();
    const from = p.state;
    const to = nextState(from, st.action);
    if (to === null) throw new Error(`petitions demo: ${shape.name} cannot ${st.action} from ${from}`);
    const late = isOverdue(p.stepDueOn, date);
    const stepDue = dueFor(to, date, ctx.calendar);
    const memberHolds = p.holderMemberCode !== null;
    const holderActor = memberHolds ? taker : unitActor(ctx, p.holderUnitCode);
    let actor: DemoPetitionActor;
    let targetUnitCode: string | null = null;
    switch (st.action) {
      case 'forward': {
        const target = unitOf(st.to);
        actor = holderActor;
        targetUnitCode = target;
        p.holderUnitCode = target;
        p.holderMemberCode = null;
        grant(target);
        notify({ kind: 'forwarded', unitCode: target, unitCodes: [target], memberCodes: [] }, actor, when);
        break;
      }
      case 'acknowledge':
        actor = holderActor;
        break;
      case 'answer':
        actor = holderActor;
        notify(
          { kind: 'answered', unitCode: p.holderUnitCode, unitCodes: [], memberCodes: [memberCode] },
          actor,
          when,
        );
        p.answer = topic.answer;
        p.answeredOn = date;
        p.answeredByUnitCode = p.holderUnitCode;
        p.holderUnitCode = cell;
        p.holderMemberCode = memberCode;
        break;
      case 'relay':
        actor = taker;
        p.relayedOn = date;
        break;
      case 'close':
        actor = taker;
        p.closedOn = date;
        p.satisfied = true;
        if (p.answeredByUnitCode) {
          const unit = p.answeredByUnitCode;
          notify({ kind: 'closed', unitCode: unit, unitCodes: [unit], memberCodes: [] }, actor, when);
        }
        break;
      case 'reopen': {
        actor = taker;
        const answeredBy = p.answeredByUnitCode ?? cell;
        const above = ctx.parentOf.get(answeredBy) ?? answeredBy;
        const acknowledgeBy = dueDate(date, settings.acknowledge, ctx.calendar);
        p.satisfied = false;
        p.holderUnitCode = above;
        p.holderMemberCode = null;
        p.answerDueOn = dueDate(acknowledgeBy, settings.answer, ctx.calendar);
        targetUnitCode = above;
        grant(above);
        notify({ kind: 'reopened', unitCode: above, unitCodes: [above], memberCodes: [] }, actor, when);
        break;
      }
      case 'withdraw':
        actor = taker;
        p.closedOn = date;
        break;
      case 'escalate': {
        // The job runs the day after a step falls due.
        actor = { username: null, memberCode: null, name: null };
        const previousUnit = memberHolds ? null : p.holderUnitCode;
        const previousMember = p.holderMemberCode;
        const unit = memberHolds ? cell : (ctx.parentOf.get(p.holderUnitCode) ?? p.holderUnitCode);
        p.holderUnitCode = unit;
        p.holderMemberCode = null;
        p.escalations += 1;
        targetUnitCode = unit;
        grant(unit);
        notify(
          {
            kind: 'escalated',
            unitCode: unit,
            unitCodes: previousUnit === null ? [unit] : [unit, previousUnit],
            memberCodes: previousMember === null ? [] : [previousMember],
          },
          actor,
          when,
        );
        break;
      }
      default:
        throw new Error(`petitions demo: no ${st.action} in a shape`);
    }
    p.state = to;
    p.stepDueOn = stepDue;
    const pool = notes[st.action];
    p.steps.push({
      at: when,
      date,
      action: st.action,
      fromState: from,
      toState: to,
      actor,
      note: st.action === 'escalate' || !pool ? null : rng.pick(pool),
      targetUnitCode,
      dueOn: stepDue,
      late: st.action === 'escalate' ? true : late,
    });
    lastAt = when;
  }
  return p;
}

/** A second household's petition on the same matter, merged into `into` by the cell. */
function mergeDuplicate(
  ctx: Context,
  rng: Rng,
  into: DemoPetition,
  household: DemoHousehold,
  memberCode: string,
  code: string,
): DemoPetition {
  const lastDate = at(into.steps, into.steps.length - 1).date;
  const mergeOn = addCalendarDays(lastDate, 1) < ctx.today ? addCalendarDays(lastDate, 1) : lastDate;
  const receivedOn = addCalendarDays(mergeOn, -1);
  const due = dueFor('received', receivedOn, ctx.calendar);
  const taker = memberActor(ctx, memberCode);
  const cellActor = unitActor(ctx, into.cellCode);
  const createdAt = instant(rng, receivedOn);
  let mergedAt = `${mergeOn}T09:30:00.000Z`;
  const lastAt = at(into.steps, into.steps.length - 1).at;
  if (mergedAt <= lastAt) mergedAt = new Date(Date.parse(lastAt) + 60_000).toISOString();
  const note = at(notes.merge ?? [], 0);
  const duplicate: DemoPetition = {
    ...into,
    code,
    householdCodes: [household.code],
    memberCode,
    receivedOn,
    channel: 'meeting',
    state: 'merged',
    holderUnitCode: into.cellCode,
    holderMemberCode: memberCode,
    stepDueOn: null,
    escalations: 0,
    answer: null,
    answeredByUnitCode: null,
    answerDueOn: answerTargetDate(receivedOn, settings, ctx.calendar),
    answeredOn: null,
    relayedOn: null,
    closedOn: mergeOn,
    satisfied: null,
    mergedIntoCode: into.code,
    grantedUnitCodes: [],
    steps: [
      {
        at: createdAt < mergedAt ? createdAt : `${receivedOn}T01:00:00.000Z`,
        date: receivedOn,
        action: 'create',
        fromState: null,
        toState: 'received',
        actor: taker,
        note: null,
        targetUnitCode: null,
        dueOn: due,
        late: false,
      },
      {
        at: mergedAt,
        date: mergeOn,
        action: 'merge',
        fromState: 'received',
        toState: 'merged',
        actor: cellActor,
        note,
        targetUnitCode: null,
        dueOn: null,
        late: isOverdue(due, mergeOn),
      },
    ],
    notifications: [],
  };
  // The kept petition takes the duplicate's household and records where it came from.
  into.householdCodes.push(household.code);
  into.steps.push({
    at: mergedAt,
    date: mergeOn,
    action: 'merge',
    fromState: into.state,
    toState: into.state,
    actor: cellActor,
    note: duplicate.title,
    targetUnitCode: null,
    dueOn: into.stepDueOn,
    late: false,
  });
  return duplicate;
}

function communeOf(data: DemoData, spec: CommuneSpec): Commune {
  const committee = committeeCode(spec);
  const cells = data.units
    .filter((u) => u.kind === 'cell' && u.parentCode === committee && u.hamletCode !== undefined)
    .map((u) => u.code);
  return { spec, committee, people: communeCode(spec), cells };
}

export interface PetitionsDemo {
  petitions: DemoPetition[];
}

/**
 * The demo's petitions. `demoMemberCode` (the member of the demo account)
 * takes a few of them from their own households, so that account has some.
 */
export function generatePetitionsDemo(
  data: DemoData,
  today: string,
  calendar: WorkCalendar,
  options: { accounts?: readonly DemoAccount[]; demoMemberCode?: string } = {},
): PetitionsDemo {
  const rng = createRng(`petitions:${today}`);
  const ctx: Context = {
    data,
    today,
    calendar,
    accounts: options.accounts ?? data.accounts,
    memberByCode: new Map(data.members.map((m) => [m.code, m])),
    unitName: new Map(data.units.map((u) => [u.code, u.name])),
    parentOf: new Map(data.units.map((u) => [u.code, u.parentCode])),
  };
  // The member following each household now: the latest assignment.
  const follower = new Map<string, string>();
  for (const a of [...data.assignments].sort((x, y) => x.startDate.localeCompare(y.startDate)))
    if (a.startDate <= today) follower.set(a.householdCode, a.memberCode);
  const followed = data.households.filter((h) => follower.has(h.code));
  const tl = communeOf(data, thanhLoc);
  const ht = communeOf(data, hoaThuan);
  const demoHouseholds = options.demoMemberCode
    ? followed.filter((h) => follower.get(h.code) === options.demoMemberCode)
    : [];
  const byCommune = (c: Commune) => followed.filter((h) => c.cells.includes(h.cellCode));
  const tlHouseholds = rng.shuffle(byCommune(tl).filter((h) => !demoHouseholds.includes(h)));
  const htHouseholds = rng.shuffle(byCommune(ht));
  const used = new Set<string>();
  const take = (pool: DemoHousehold[]): DemoHousehold => {
    const h = pool.find((x) => !used.has(x.code));
    if (!h) throw new Error('petitions demo: not enough followed households');
    used.add(h.code);
    return h;
  };
  const channels: PetitionChannel[] = ['visit', 'visit', 'visit', 'phone', 'meeting'];
  const drafts: Draft[] = [];
  let n = 0;
  for (const shape of shapes) {
    for (let i = 0; i < shape.count; i += 1) {
      n += 1;
      // Every fourth petition of some shapes goes to Hòa Thuận; the demo member takes a few in Thạnh Lộc.
      const inHoaThuan = n % 8 === 0 && htHouseholds.length > 0;
      const useDemo = !inHoaThuan && n % 7 === 3 && demoHouseholds.some((h) => !used.has(h.code));
      const household = take(inHoaThuan ? htHouseholds : useDemo ? demoHouseholds : tlHouseholds);
      drafts.push({
        code: `KN-${String(n).padStart(3, '0')}`,
        commune: inHoaThuan ? ht : tl,
        household,
        memberCode: follower.get(household.code)!,
        shape,
        topic: at(topics, (n * 7) % topics.length),
        channel: rng.pick(channels),
      });
    }
  }
  const petitions = drafts.map((d) => {
    // Nothing happens today or later: when holidays pushed an escalation late, start it earlier.
    let p = play(ctx, d);
    for (let earlier = 0; at(p.steps, p.steps.length - 1).date >= today;) {
      earlier += daysBetween(today, at(p.steps, p.steps.length - 1).date) + 1;
      p = play(ctx, d, earlier);
    }
    return p;
  });
  // A merged duplicate: a neighbour of an acknowledged petition raised the same matter.
  const target = petitions.find((p) => p.state === 'acknowledged' && p.orgCode === tl.committee);
  if (target) {
    const neighbour = tlHouseholds.find((h) => !used.has(h.code) && h.cellCode === target.cellCode);
    if (neighbour) {
      used.add(neighbour.code);
      n += 1;
      petitions.push(
        mergeDuplicate(
          ctx,
          rng,
          target,
          neighbour,
          follower.get(neighbour.code)!,
          `KN-${String(n).padStart(3, '0')}`,
        ),
      );
    }
  }
  return { petitions };
}
