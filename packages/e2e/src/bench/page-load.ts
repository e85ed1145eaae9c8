/**
 * How fast the app opens on a member's phone in a hamlet (issue 16): headless
 * Debian Chromium with a slow 3G profile (400 kbit/s each way, 400 ms latency)
 * and the CPU slowed 4×, against the real server holding the demo.
 *
 *   npm run bench:web [-- --runs 3 --url http://127.0.0.1:3000]
 *
 * Without --url it starts its own server on a fresh SQLite demo (about a
 * minute of seeding first). Writes bench-results/page-load-<time>.json and
 * prints a table. A benchmark, never a test: the numbers depend on the machine.
 * "Warm" is a later start in the same profile, once the first visit's service
 * worker has installed (its wait is reported), with the cookies cleared.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { startServer } from '@caunoi/server';
import { launchChromium } from '../support/chromium.js';
import { repositoryRoot, webDist } from '../support/paths.js';
import { demoPassword } from '../support/ui.js';

const slow3g = { latencyMs: 400, kbitPerSecond: 400, cpuSlowdown: 4 };
const member = 'dangvien.thanhan';

interface Transfer {
  url: string;
  encoded: number;
  decoded: number;
}

/** Bytes on the wire (compressed) and after decoding, per response, from the DevTools protocol. */
class TransferLog {
  private readonly byId = new Map<string, Transfer>();
  constructor(cdp: CDPSession) {
    cdp.on('Network.responseReceived', (e) =>
      this.byId.set(e.requestId, { url: e.response.url, encoded: 0, decoded: 0 }),
    );
    cdp.on('Network.dataReceived', (e) => {
      const t = this.byId.get(e.requestId);
      if (t) t.decoded += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const t = this.byId.get(e.requestId);
      if (t) t.encoded = e.encodedDataLength;
    });
  }
  take(): Transfer[] {
    const all = [...this.byId.values()];
    this.byId.clear();
    return all;
  }
}

async function throttled(context: BrowserContext): Promise<{ page: Page; log: TransferLog }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerSecond = (slow3g.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: slow3g.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slow3g.cpuSlowdown });
  return { page, log: new TransferLog(cdp) };
}

/**
 * The login form is usable when its fields take input: index.html's own form
 * (public/boot-login.js), before the app's JavaScript has arrived. The app's
 * form, which replaces it once the app has started, is timed too.
 */
async function loginUsable(page: Page, url: string): Promise<{ formMs: number; appMs: number }> {
  const started = performance.now();
  await page.goto(`${url}/login`, { waitUntil: 'commit' });
  await page.locator('#boot-username').waitFor({ state: 'visible', timeout: 120_000 });
  const formMs = performance.now() - started;
  await page.getByTestId('login-username').waitFor({ state: 'visible', timeout: 120_000 });
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="login-username"]') as HTMLInputElement | null)?.disabled,
  );
  return { formMs, appMs: performance.now() - started };
}

/**
 * From pressing "Đăng nhập" to the member's worklist showing its households,
 * and on to the caseload being on the phone (the first sync, issue 16).
 */
async function worklistUsable(page: Page): Promise<{ worklistMs: number; firstSyncMs: number }> {
  // Typed as a member types on a phone (10 characters a second, 3.2 s for both fields), not pasted:
  // the app uses that time to fetch the next pages' code, as it would for a real member.
  await page.getByTestId('login-username').pressSequentially(member, { delay: 100 });
  await page.getByTestId('login-password').pressSequentially(demoPassword, { delay: 100 });
  const started = performance.now();
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="worklist-item"]').first().waitFor({ state: 'visible', timeout: 120_000 });
  const worklistMs = performance.now() - started;
  await page.waitForFunction(() => document.documentElement.dataset.caseloadSyncedAt, undefined, {
    timeout: 120_000,
  });
  return { worklistMs, firstSyncMs: performance.now() - started };
}

/** A full sync, then one with nothing new asked with the cursor it gave, from the phone on the same slow line. */
async function syncTimes(
  page: Page,
): Promise<{ fullMs: number; ms: number; households: number; caseload: number }> {
  // No function declared inside: tsx names functions with a helper the page does not have.
  return page.evaluate(async () => {
    type Sync = { cursor: string; households: unknown[]; householdIds: string[] };
    const fullStarted = performance.now();
    const first = (await (await fetch('/api/v1/sync/caseload')).json()) as Sync;
    const fullMs = performance.now() - fullStarted;
    const started = performance.now();
    const url = `/api/v1/sync/caseload?since=${encodeURIComponent(first.cursor)}`;
    const delta = (await (await fetch(url)).json()) as Sync;
    return {
      fullMs,
      ms: performance.now() - started,
      households: delta.households.length,
      caseload: delta.householdIds.length,
    };
  });
}

function sum(
  transfers: Transfer[],
  key: 'encoded' | 'decoded',
  filter: (t: Transfer) => boolean = () => true,
) {
  return transfers.filter(filter).reduce((total, t) => total + t[key], 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, url: { type: 'string' } },
  });
  const runs = Math.max(1, Number(values.runs));
  let url = values.url;
  let stop = async () => {};
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'caunoi-page-load-'));
    const port = 3900 + Math.floor(Math.random() * 90);
    console.log('Seeding the demo into a fresh SQLite file…');
    const started = await startServer(
      {
        databaseUrl: join(dir, 'caunoi.db'),
        port,
        host: '127.0.0.1',
        webDir: webDist,
        secureCookies: false,
        publicUrl: undefined,
      },
      { seedDemo: true },
    );
    url = `http://127.0.0.1:${port}`;
    stop = async () => {
      await started.app.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  const browser = await launchChromium();
  const results: Array<Record<string, number>> = [];
  try {
    for (let run = 0; run < runs; run++) {
      // A new context is a cold cache: nothing from the run before.
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        locale: 'vi-VN',
      });
      const cold = await throttled(context);
      const coldLogin = await loginUsable(cold.page, url);
      const beforeLogin = cold.log.take();
      const { worklistMs, firstSyncMs } = await worklistUsable(cold.page);
      const afterLogin = cold.log.take();
      const delta = await syncTimes(cold.page);
      // A later start finds the app installed: wait until the first visit's service worker has
      // its precache (the whole build), as it has by the member's next day in the field.
      const installStarted = performance.now();
      await cold.page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      const installWaitMs = performance.now() - installStarted;
      cold.log.take();
      // Warm: a new page of the same browser profile, as when the member opens the app again.
      const warm = await throttled(context);
      await warm.page.context().clearCookies();
      const warmLogin = await loginUsable(warm.page, url);
      const warmTransfers = warm.log.take();
      await context.close();
      const isScript = (t: Transfer) => /\.js(\?|$)/.test(t.url);
      results.push({
        coldLoginMs: Math.round(coldLogin.formMs),
        warmLoginMs: Math.round(warmLogin.formMs),
        // The app's own form (and so the whole app) started: the member has typed meanwhile.
        coldAppStartedMs: Math.round(coldLogin.appMs),
        warmAppStartedMs: Math.round(warmLogin.appMs),
        worklistAfterLoginMs: Math.round(worklistMs),
        firstSyncAfterLoginMs: Math.round(firstSyncMs),
        syncBytesCompressed: sum(afterLogin, 'encoded', (t) => t.url.includes('/sync/caseload')),
        syncBytesUncompressed: sum(afterLogin, 'decoded', (t) => t.url.includes('/sync/caseload')),
        caseloadHouseholds: delta.caseload,
        // Within 2 minutes of the first sync the overlap sends the caseload again (sync README).
        fullSyncMs: Math.round(delta.fullMs),
        emptyDeltaMs: Math.round(delta.ms),
        emptyDeltaHouseholdsSent: delta.households,
        serviceWorkerInstallWaitMs: Math.round(installWaitMs),
        bytesBeforeLoginCompressed: sum(beforeLogin, 'encoded'),
        bytesBeforeLoginUncompressed: sum(beforeLogin, 'decoded'),
        scriptBytesBeforeLoginCompressed: sum(beforeLogin, 'encoded', isScript),
        scriptBytesBeforeLoginUncompressed: sum(beforeLogin, 'decoded', isScript),
        requestsBeforeLogin: beforeLogin.length,
        bytesLoginToWorklistCompressed: sum(afterLogin, 'encoded'),
        bytesWarmStartCompressed: sum(warmTransfers, 'encoded'),
      });
      console.log(`run ${run + 1}/${runs}`, results.at(-1));
    }
  } finally {
    await browser.close();
    await stop();
  }

  const keys = Object.keys(results[0] ?? {});
  const medians = Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k] ?? Number.NaN))]));
  const report = {
    kind: 'page-load',
    at: new Date().toISOString(),
    profile: { ...slow3g, viewport: '360x740', cache: 'cold, then warm in the same profile' },
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      loadAverage1m: loadavg()[0],
      node: process.version,
    },
    targets: {
      coldLoginMs: 8000,
      warmLoginMs: 1500,
      worklistAfterLoginMs: 3000,
      firstSyncAfterLoginMs: 2000,
    },
    medians,
    runs: results,
  };
  const outDir = join(repositoryRoot, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `page-load-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.table(medians);
  console.log(`Written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
