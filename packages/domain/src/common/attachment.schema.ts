import { z } from 'zod';

/** Photos and documents people attach to petitions and meeting minutes. */
export const attachmentMediaTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const attachmentMediaType = z.enum(attachmentMediaTypes);
export type AttachmentMediaType = z.infer<typeof attachmentMediaType>;

/** 5 MB per file: a phone photo or a scanned page, not a video. */
export const maxAttachmentBytes = 5 * 1024 * 1024;

export const fileAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: attachmentMediaType,
  size: z.number().int(),
  createdAt: z.string(),
});
export type FileAttachment = z.infer<typeof fileAttachment>;
