import { PassThrough, Transform, type Readable } from 'node:stream';
import JSZip from 'jszip';
import { AppError, isAppError } from '../errors/app-error.js';

/** What a workbook holds before exceljs reads it: its sheets in order and their merged ranges. */
export interface WorkbookOutline {
  sheets: { name: string; path: string; merges: string[] }[];
  /**
   * The same workbook reduced to what the row reader needs, in the order it
   * needs it (see `canonicalParts`), its sheets renamed `sheet1.xml`… in the
   * order given.
   */
  canonical(sheetPaths: string[]): Readable;
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

const emptyRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const emptySharedStrings =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * Reads the sheet list and scans each sheet's XML for merged cells, counting
 * the unpacked bytes as they stream so that a zip bomb is refused early.
 * exceljs's streaming reader, which reads the rows afterwards, ignores merges.
 */
export async function inspectWorkbook(bytes: Buffer, limit = maxUnpackedBytes): Promise<WorkbookOutline> {
  try {
    return await inspect(bytes, limit);
  } catch (error) {
    // jszip's own errors ("uncompressed data size mismatch"…) mean a damaged file, never a server fault.
    if (isAppError(error)) throw error;
    throw new AppError('IMPORT_FILE_UNREADABLE');
  }
}

async function inspect(bytes: Buffer, limit: number): Promise<WorkbookOutline> {
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
    if (unpacked > limit) throw new AppError('IMPORT_FILE_TOO_LARGE');
    return text;
  };
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const tag of (await readSmall(rels)).match(/<Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const [id, target, type] = [a.get('Id'), a.get('Target'), a.get('Type')];
    if (!id || !target) continue;
    targets.set(id, partPath(target));
    if (type) byType.set(type.slice(type.lastIndexOf('/') + 1), partPath(target));
  }
  const sheets: { name: string; path: string; merges: string[] }[] = [];
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
      return unpacked <= limit;
    });
  }
  const part = (type: string) => {
    const path = byType.get(type);
    return path ? zip.file(path) : null;
  };
  // Unpacked once here, counted and checked: the copy made for exceljs then cannot fail halfway.
  for (const file of [part('sharedStrings'), part('styles')]) {
    if (file) {
      await scanMerges(file, (n) => {
        unpacked += n;
        return unpacked <= limit;
      });
    }
  }
  return {
    sheets,
    canonical: (sheetPaths) =>
      canonicalParts(
        workbook,
        part('sharedStrings'),
        part('styles'),
        sheetPaths.map((p) => zip.file(p)!),
      ),
  };
}

/** Every character outside ASCII as an XML character reference: `ễ` → `&#7877;`. */
function escapeNonAscii(text: string): string {
  return text.replace(/[^\p{ASCII}]/gu, (c) => `&#${c.codePointAt(0)};`);
}

/**
 * exceljs's streaming reader decodes each chunk of XML on its own, so a
 * Vietnamese letter whose bytes straddle two chunks comes out as "��"
 * ("Trần Tấn T��i"). The copy it reads is plain ASCII, the letters written
 * as character references that its XML parser turns back into text: any
 * chunk boundary is then safe.
 */
function asciiXml(): Transform {
  const decoder = new TextDecoder('utf-8');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, escapeNonAscii(decoder.decode(chunk, { stream: true })));
    },
    flush(done) {
      done(null, escapeNonAscii(decoder.decode()));
    },
  });
}

/**
 * exceljs's streaming reader also depends on the order of the zip's entries:
 * a sheet met before the workbook part crashes it, a sheet met before the
 * shared strings is spooled to a temporary file. Workbooks from other
 * programs come in any order, so the reader gets a copy in its favourite one:
 * workbook, (empty) relationships, shared strings, styles, then the sheets,
 * stored uncompressed and streamed, never held whole. Its sheets carry no
 * names (the relationships are empty): the caller knows them by number.
 */
function canonicalParts(
  workbook: JSZip.JSZipObject,
  sharedStrings: JSZip.JSZipObject | null,
  styles: JSZip.JSZipObject | null,
  sheets: JSZip.JSZipObject[],
): Readable {
  const out = new JSZip();
  const copy = new PassThrough();
  /*
   * Every part was unpacked once by inspectWorkbook, so this should not fail.
   * If it does, the copy ends short: exceljs's zip reader (which does not see
   * errors of the stream piped into it) reports a truncated file, and an error
   * event nobody listens to cannot bring the server down.
   */
  copy.on('error', () => undefined);
  const fail = () => copy.end();
  const stream = (file: JSZip.JSZipObject) => {
    const ascii = asciiXml().on('error', fail);
    return file.nodeStream('nodebuffer').on('error', fail).pipe(ascii);
  };
  out.file('xl/workbook.xml', stream(workbook));
  out.file('xl/_rels/workbook.xml.rels', emptyRels);
  out.file('xl/sharedStrings.xml', sharedStrings ? stream(sharedStrings) : emptySharedStrings);
  if (styles) out.file('xl/styles.xml', stream(styles));
  sheets.forEach((sheet, i) => out.file(`xl/worksheets/sheet${i + 1}.xml`, stream(sheet)));
  // jszip streams are readable-stream's, which exceljs does not recognise: pipe into one of Node's.
  out.generateNodeStream({ streamFiles: true, compression: 'STORE' }).on('error', fail).pipe(copy);
  return copy;
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
