import { z } from 'zod';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/**
 * Keys of the petition catalogues. The keys are stable (stored, counted,
 * exported); the labels are what a cell reads. The category list follows the
 * fields a commune office sorts citizens' petitions into.
 */
export const petitionCategories = [
  'land',
  'social_support',
  'infrastructure',
  'environment',
  'health',
  'education',
  'security_order',
  'administrative_procedure',
  'other',
] as const;
export const petitionCategory = z.enum(petitionCategories);
export type PetitionCategory = z.infer<typeof petitionCategory>;

export const petitionCategoryLabels: Labels<PetitionCategory> = {
  land: { vi: 'Đất đai', en: 'Land' },
  social_support: { vi: 'Chính sách, an sinh xã hội', en: 'Social support' },
  infrastructure: { vi: 'Hạ tầng (đường, điện, nước)', en: 'Infrastructure' },
  environment: { vi: 'Môi trường', en: 'Environment' },
  health: { vi: 'Y tế', en: 'Health' },
  education: { vi: 'Giáo dục', en: 'Education' },
  security_order: { vi: 'An ninh, trật tự', en: 'Security and order' },
  administrative_procedure: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
  other: { vi: 'Khác', en: 'Other' },
};

/** How the member heard it. */
export const petitionChannels = ['visit', 'phone', 'meeting'] as const;
export const petitionChannel = z.enum(petitionChannels);
export type PetitionChannel = z.infer<typeof petitionChannel>;

export const petitionChannelLabels: Labels<PetitionChannel> = {
  visit: { vi: 'Thăm hộ', en: 'Home visit' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  meeting: { vi: 'Họp dân, họp tổ', en: 'Meeting' },
};
