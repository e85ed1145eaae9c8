/** Upload bodies for the attachment routes, built by hand so a test controls every byte. */

/** Starts like a PNG (the server sniffs the first bytes); `extra` pads it to a size. */
export function onePixelPng(extra = 0): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('IHDR-not-really-a-picture'),
    Buffer.alloc(extra),
  ]);
}

export function multipartBody(fileName: string, bytes: Buffer, field = 'file', type = 'image/png') {
  const boundary = `----caunoi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
