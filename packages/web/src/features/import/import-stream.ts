import {
  errorCodes,
  importStreamLine,
  type ImportKind,
  type ImportReport,
  type ImportStreamLine,
} from '@caunoi/domain';
import { ApiError, isKnownCode } from '../../api/api-error';
import { queryString } from '../../api/client';

export type ImportProgress = Extract<ImportStreamLine, { type: 'progress' }>;

export interface ImportRequest {
  file: File;
  dryRun: boolean;
  /** The kind of records of a CSV file. */
  sheet?: ImportKind | undefined;
  confirmDuplicates?: boolean;
}

const networkError = () =>
  new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');

async function refused(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code?: unknown; message?: unknown } } | undefined;
  const code = body?.error?.code;
  if (isKnownCode(code)) {
    const message = typeof body?.error?.message === 'string' ? body.error.message : errorCodes[code].vi;
    return new ApiError(response.status, code, message);
  }
  return new ApiError(response.status, 'BAD_REQUEST', errorCodes.BAD_REQUEST.vi);
}

/**
 * Sends the file as the request body and reads the answer as it comes: one
 * JSON line per progress step, then the report (or an error). The server
 * keeps no upload between the check and the import: "Xác nhận nhập" sends
 * the same file again, and it is checked again inside the transaction.
 */
export async function sendImport(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const query = queryString({
    dryRun: request.dryRun,
    sheet: request.sheet,
    confirmDuplicates: request.confirmDuplicates || undefined,
  });
  let response: Response;
  try {
    response = await fetch(`/api/v1/import${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/x-ndjson',
        'content-type': /\.csv$/i.test(request.file.name)
          ? 'text/csv'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: request.file,
    });
  } catch {
    throw networkError();
  }
  if (!response.ok || !response.body) throw await refused(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      throw networkError();
    }
    if (chunk.done) break;
    buffer += chunk.value;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = importStreamLine.parse(JSON.parse(buffer.slice(0, newline)));
      buffer = buffer.slice(newline + 1);
      if (line.type === 'progress') onProgress(line);
      else if (line.type === 'report') return line.report;
      else {
        const code = isKnownCode(line.error.code) ? line.error.code : 'INTERNAL';
        throw new ApiError(200, code, line.error.message);
      }
    }
  }
  throw networkError();
}
