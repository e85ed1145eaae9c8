import ExcelJS from 'exceljs';
import {
  culturalUnitKindLabels,
  modelKindLabels,
  type YearlyFigures,
  type YearlyTargets,
  formatDecimal,
  formatOf,
  formatPercent,
} from '@caunoi/domain';
import { achievedText, borderedTable, titleBlock } from './yearly-workbook.js';

type Share = { achieved: number; total: number };

const amount = (value: number | null, measure: string | null) =>
  value === null ? '' : `${formatDecimal(value)}${measure ? ` ${measure}` : ''}`;

/**
 * A unit's targets of a year as a workbook: a summary sheet (achieved of
 * total per kind, as the report's paragraphs give them), then one sheet each
 * for the resolution indicators, the new-rural criteria of every commune,
 * the cultural titles and the dân vận khéo models.
 */
export async function yearlyTargetsWorkbook(
  targets: YearlyTargets,
  figures: YearlyFigures,
  unitName: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.created = new Date();
  const title = (sheet: ExcelJS.Worksheet, heading: string, width: number) =>
    titleBlock(sheet, [heading, `${unitName} — năm ${targets.year}`], width);
  const f = figures.targets;

  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [{ width: 6 }, { width: 44 }, { width: 12 }, { width: 12 }];
  title(summary, 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU', 4);
  const shares: [string, Share][] = [
    ['Chỉ tiêu nghị quyết', f.resolutionIndicators],
    ['Tiêu chí nông thôn mới', f.newRuralCriteria],
    ['Ấp văn hóa', f.culturalHamlets],
    ['Cơ quan đạt chuẩn văn hóa', f.culturalAgencies],
    ['Gia đình văn hóa', f.culturalFamilies],
  ];
  borderedTable(
    summary,
    ['STT', 'Nội dung', 'Đạt', 'Tổng số'],
    [
      ...shares.map(([name, s], i) => [i + 1, name, s.achieved, s.total]),
      [shares.length + 1, 'Mô hình dân vận khéo (tập thể / cá nhân)', figures.models.total, null],
    ],
  );
  const split = summary.addRow([
    '',
    `Trong đó: ${figures.models.collectives} tập thể, ${figures.models.individuals} cá nhân`,
  ]);
  split.getCell(2).font = { italic: true };

  const indicators = workbook.addWorksheet('Chỉ tiêu nghị quyết');
  indicators.columns = [
    { width: 6 },
    { width: 50 },
    { width: 20 },
    { width: 20 },
    { width: 14 },
    { width: 30 },
  ];
  title(indicators, 'CHỈ TIÊU NGHỊ QUYẾT', 6);
  borderedTable(
    indicators,
    ['STT', 'Chỉ tiêu', 'Mục tiêu', 'Thực hiện', 'Kết quả', 'Ghi chú'],
    targets.indicators.map((i, n) => [
      n + 1,
      i.name,
      i.targetText ??
        (i.targetValue === null
          ? ''
          : `${i.comparison === 'at_most' ? '≤' : '≥'} ${amount(i.targetValue, i.measure)}`),
      i.actualText ?? amount(i.actualValue, i.measure),
      achievedText(i.achieved),
      i.note ?? '',
    ]),
  );

  const ntm = workbook.addWorksheet('Nông thôn mới');
  ntm.columns = [{ width: 8 }, { width: 50 }, { width: 16 }];
  title(ntm, 'TIÊU CHÍ NÔNG THÔN MỚI', 3);
  for (const commune of targets.ntm) {
    const heading = ntm.addRow([commune.unitName]);
    heading.getCell(1).font = { bold: true };
    ntm.mergeCells(heading.number, 1, heading.number, 3);
    const achieved = commune.criteria.filter((c) => c.achieved === true).length;
    borderedTable(
      ntm,
      ['Mã', 'Tiêu chí', 'Kết quả'],
      [
        ...commune.criteria.map((c) => [c.code, c.name, achievedText(c.achieved)]),
        ['', `Số tiêu chí đạt: ${achieved}/${commune.criteria.length}`, ''],
      ],
    );
    ntm.addRow([]);
  }

  const cultural = workbook.addWorksheet('Danh hiệu văn hóa');
  cultural.columns = [{ width: 6 }, { width: 30 }, { width: 40 }, { width: 14 }, { width: 30 }];
  title(cultural, 'DANH HIỆU VĂN HÓA', 5);
  borderedTable(
    cultural,
    ['STT', 'Loại', 'Tên', 'Kết quả', 'Ghi chú'],
    targets.culturalUnits.map((c, n) => [
      n + 1,
      culturalUnitKindLabels[c.kind].vi,
      c.name,
      achievedText(c.achieved),
      c.note ?? '',
    ]),
  );
  cultural.addRow([]);
  cultural.addRow([
    '',
    `Gia đình văn hóa: ${formatOf(targets.culturalFamilies.achieved, targets.culturalFamilies.total)} hộ (${formatPercent(targets.culturalFamilies.achieved, targets.culturalFamilies.total)})`,
  ]);

  const models = workbook.addWorksheet('Mô hình dân vận khéo');
  models.columns = [{ width: 6 }, { width: 44 }, { width: 30 }, { width: 12 }, { width: 24 }, { width: 30 }];
  title(models, 'MÔ HÌNH DÂN VẬN KHÉO', 6);
  borderedTable(
    models,
    ['STT', 'Tên mô hình', 'Chủ thể', 'Loại', 'Lĩnh vực', 'Đơn vị'],
    targets.models.map((m, n) => [
      n + 1,
      m.title,
      m.holder,
      modelKindLabels[m.kind].vi,
      m.field ?? '',
      m.unitName,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
