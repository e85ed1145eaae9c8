/**
 * What an uploaded file is, from its first bytes, never from its name or the
 * content type the client claims: an .xlsx workbook is a zip archive
 * ("PK\x03\x04"), an old .xls an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1).
 * Anything else may be CSV text, when the caller asked for one kind of record.
 */
export type FileKind = 'zip' | 'xls' | 'other';

const starts = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  return 'other';
}
