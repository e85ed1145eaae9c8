import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/caunoi.mjs', import.meta.url).pathname;

/** The real command in a child process: JSON in on standard input, JSON or a message out. */
function classify(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'classify'], { env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('caunoi classify', () => {
  it('classifies the JSON on standard input and writes JSON', async () => {
    const result = await classify(
      JSON.stringify({
        year: 2025,
        areaType: 'rural',
        monthlyIncomePerCapita: 1_400_000,
        deprivations: ['healthInsurance', 'latrine', 'telecom'],
      }),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      standard: '07/2021/NĐ-CP',
      incomeLine: 1_500_000,
      classification: 'poor',
      deprivationCount: 3,
      deprivations: ['healthInsurance', 'latrine', 'telecom'],
    });
  });

  it('exits with code 2 and a message on bad input, writing nothing to standard output', async () => {
    const valid = {
      year: 2027,
      areaType: 'urban',
      monthlyIncomePerCapita: 100,
      deprivations: [] as string[],
    };
    const cases: [string, RegExp][] = [
      ['not json', /JSON/],
      [JSON.stringify({ ...valid, year: 2031 }), /2022.*2030/],
      [JSON.stringify({ ...valid, deprivations: ['informationDevices'] }), /informationDevices.*351\/2025/],
      [JSON.stringify({ ...valid, monthlyIncomePerCapita: -1 }), /âm/],
      [JSON.stringify({ ...valid, areaType: 'city' }), /\/areaType/],
    ];
    const results = await Promise.all(cases.map(([input]) => classify(input)));
    for (const [index, [input, message]] of cases.entries()) {
      const result = results[index]!;
      expect(result.code, input).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });
});
