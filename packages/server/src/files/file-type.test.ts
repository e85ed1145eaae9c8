import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffMediaType } from './file-type.js';

describe('attachment types', () => {
  it('reads the type from the first bytes', () => {
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever its name', () => {
    expect(sniffMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffMediaType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a safe name with the real extension', () => {
    expect(cleanFileName('Ảnh con đường.JPG', 'image/jpeg')).toBe('Ảnh con đường.jpg');
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\x\\don "kien nghi".exe', 'application/pdf')).toBe('don kien nghi.pdf');
    expect(cleanFileName(undefined, 'image/png')).toBe('tep-dinh-kem.png');
    expect(cleanFileName('a\u0000b\nc.png', 'image/png')).toBe('abc.png');
  });
});
