import type { FastifyReply } from 'fastify';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a workbook as a download that no shared cache keeps (the files hold
 * personal data). File names are built from codes and dates, which are
 * ASCII: they need no encoding in the header.
 */
export function sendXlsx(reply: FastifyReply, file: { fileName: string; content: Buffer }) {
  return reply
    .header('content-type', xlsxType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
