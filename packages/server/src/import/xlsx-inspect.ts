import JSZip from 'jszip';
import { AppError } from '../errors/app-error.js';

/** What a workbook holds before exceljs reads it: its sheets in order and their merged ranges. */
export interface WorkbookOutline {
  sheets: { name: string; path: string; merges: string[] }[];
}

/** The most a workbook may unpack to: a 20 MB zip can hide gigabytes of XML. */
export const maxUnpackedBytes = 400 * 1024 * 1024;

/** A few merged ranges are enough to tell the user what to fix. */
const maxMergesPerSheet = 20;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!);
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) found.set(match[1]!, decodeXml(match[2]!));
  return found;
}

/** `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * Reads the sheet list and scans each sheet's XML for merged cells, counting
 * the unpacked bytes as they stream so that a zip bomb is refused early.
 * exceljs's streaming reader, which reads the rows afterwards, ignores merges.
 */
export async function inspectWorkbook(bytes: Buffer): Promise<WorkbookOutline> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
  const workbook = zip.file('xl/workbook.xml');
  const rels = zip.file('xl/_rels/workbook.xml.rels');
  // A zip that is not a workbook: a .docx, an archive of photos.
  if (!workbook || !rels) throw new AppError('IMPORT_NOT_EXCEL');
  let unpacked = 0;
  const readSmall = async (file: JSZip.JSZipObject) => {
    const text = await file.async('string');
    unpacked += text.length;
    if (unpacked > maxUnpackedBytes) throw new AppError('IMPORT_FILE_TOO_LARGE');
    return text;
  };
  const targets = new Map<string, string>();
  for (const tag of (await readSmall(rels)).match(/<Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (a.get('Id') && a.get('Target')) targets.set(a.get('Id')!, partPath(a.get('Target')!));
  }
  const sheets: WorkbookOutline['sheets'] = [];
  for (const tag of (await readSmall(workbook)).match(/<sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const path = targets.get(a.get('r:id') ?? '');
    if (a.get('name') !== undefined && path) sheets.push({ name: a.get('name')!, path, merges: [] });
  }
  for (const sheet of sheets) {
    const file = zip.file(sheet.path);
    if (!file) throw new AppError('IMPORT_FILE_UNREADABLE');
    sheet.merges = await scanMerges(file, (n) => {
      unpacked += n;
      return unpacked <= maxUnpackedBytes;
    });
  }
  return { sheets };
}

/** `<mergeCell ref="A1:C1"/>` elements, found in the stream without parsing the whole sheet. */
function scanMerges(file: JSZip.JSZipObject, account: (bytes: number) => boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const merges: string[] = [];
    const decoder = new TextDecoder();
    let tail = '';
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        if (!account(chunk.length)) {
          stream.pause();
          reject(new AppError('IMPORT_FILE_TOO_LARGE'));
          return;
        }
        // Keep the end of the previous chunk: a tag may straddle two chunks.
        const text = tail + decoder.decode(chunk, { stream: true });
        for (const match of text.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g)) {
          if (merges.length < maxMergesPerSheet && !merges.includes(match[1]!)) merges.push(match[1]!);
        }
        tail = text.slice(-200);
      })
      .on('error', () => reject(new AppError('IMPORT_FILE_UNREADABLE')))
      .on('end', () => resolve(merges));
  });
}
