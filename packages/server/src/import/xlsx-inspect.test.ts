import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { workbook } from '../../test/import-helpers.js';
import { inspectWorkbook } from './xlsx-inspect.js';

describe('inspectWorkbook', () => {
  it('lists the sheets in workbook order with their merged ranges', async () => {
    const bytes = await workbook([
      { name: 'households', rows: [['code', 'x', 'y']], merges: ['B1:C1'] },
      { name: 'Hướng dẫn & ghi chú', rows: [['a']] },
    ]);
    const outline = await inspectWorkbook(bytes);
    expect(outline.sheets.map((s) => [s.name, s.merges])).toEqual([
      ['households', ['B1:C1']],
      ['Hướng dẫn & ghi chú', []],
    ]);
  });

  it('refuses a workbook that unpacks to more than the limit, as it streams', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`HGD-${i}`, 'Nguyễn Văn An', 'Tổ 1, ấp Thạnh An']);
    const bytes = await workbook([{ name: 'households', rows }]);
    // Small on disk, much larger unpacked: the same check that stops a zip bomb at 400 MB.
    expect(bytes.length).toBeLessThan(100_000);
    await expect(inspectWorkbook(bytes, 200_000)).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE' });
    await expect(inspectWorkbook(bytes)).resolves.toBeDefined();
  });

  it('tells a zip that is not a workbook from a damaged one', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    await expect(inspectWorkbook(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toMatchObject({
      code: 'IMPORT_NOT_EXCEL',
    });
    await expect(inspectWorkbook(Buffer.from('PK\x03\x04 and then nothing useful'))).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
    });
  });
});
