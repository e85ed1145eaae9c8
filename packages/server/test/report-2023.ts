import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The 2023 Giồng Riềng report's figures that the demo reproduces (docs/giong-rieng-2023.json). */
export interface Report {
  communes: {
    name: string;
    cells: number;
    members: number;
    membersAssigned: number;
    householdsAssigned: number;
    householdsPerMember: { max: number; min: number };
    households?: {
      poor: number;
      poorNeedingHelp: number;
      nearPoor: number;
      nearPoorNeedingHelp: number;
      average: number;
      averageNeedingHelp: number;
    };
    hamlets?: { cell: string; membersAssigned: number; households: number }[];
  }[];
}

/** The report as published: CAUNOI_REPORT_JSON, else the copy kept in docs/ (from shared/data). */
function reportPath(): string {
  const candidates = [
    process.env.CAUNOI_REPORT_JSON,
    fileURLToPath(new URL('../../../docs/giong-rieng-2023.json', import.meta.url)),
    fileURLToPath(new URL('../../../../shared/data/giong-rieng-2023.json', import.meta.url)),
  ].filter((p): p is string => typeof p === 'string');
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `giong-rieng-2023.json not found; tried ${candidates.join(', ')} (set CAUNOI_REPORT_JSON)`,
    );
  return found;
}

export const report = JSON.parse(readFileSync(reportPath(), 'utf8')) as Report;

export function reportCommune(name: string): Report['communes'][number] {
  const found = report.communes.find((c) => c.name === name);
  if (!found) throw new Error(`report: no commune ${name}`);
  return found;
}
