import type { AttachmentMediaType } from '@caunoi/domain';

/**
 * The type of a file from its first bytes, never from its name or the type
 * the client claims: JPEG (FF D8 FF), PNG (89 'PNG' 0D 0A 1A 0A), PDF ('%PDF-').
 */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  const starts = (...signature: number[]) =>
    bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

const extensions: Record<AttachmentMediaType, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/pdf': '.pdf',
};

/**
 * A file name fit to store and to send back: no folders, no control
 * characters, at most 120 characters, and the extension of the real type.
 */
export function cleanFileName(name: string | undefined, type: AttachmentMediaType): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .slice(0, 120);
  return `${base || 'tep-dinh-kem'}${extensions[type]}`;
}
