import { describe, expect, it } from 'vitest';
import { reportSendWindow } from './report-send-window.js';

describe("a month's report send window", () => {
  it('opens on the 25th by default, not mid-month', () => {
    expect(reportSendWindow('2026-12', '2026-12-08')).toEqual({ open: false, opensOn: '2026-12-25' });
    expect(reportSendWindow('2026-12', '2026-12-24').open).toBe(false);
    expect(reportSendWindow('2026-12', '2026-12-25').open).toBe(true);
    expect(reportSendWindow('2026-12', '2026-12-31').open).toBe(true);
  });

  it('stays open after the month, across a new year', () => {
    expect(reportSendWindow('2026-11', '2026-12-08').open).toBe(true);
    expect(reportSendWindow('2026-12', '2027-01-02').open).toBe(true);
    expect(reportSendWindow('2023-05', '2026-12-08').open).toBe(true);
  });

  it('never opens for a month still to come, whatever the setting', () => {
    expect(reportSendWindow('2027-01', '2026-12-31', 1)).toEqual({ open: false, opensOn: '2027-01-01' });
    expect(reportSendWindow('2027-02', '2026-12-08', 1).open).toBe(false);
  });

  it("follows the commune's day: from the 1st the whole month is open, from the 20th the last days", () => {
    expect(reportSendWindow('2026-12', '2026-12-01', 1).open).toBe(true);
    expect(reportSendWindow('2026-12', '2026-12-19', 20).open).toBe(false);
    expect(reportSendWindow('2026-12', '2026-12-20', 20).open).toBe(true);
    // February 2027 has 28 days: the latest day a commune may choose still falls in it.
    expect(reportSendWindow('2027-02', '2027-02-28', 28)).toEqual({ open: true, opensOn: '2027-02-28' });
  });
});
