/**
 * What "hộ cần giúp đỡ" counts, everywhere a figure of it is shown: the
 * households whose book is marked "cần giúp đỡ", each once. The 2023 report
 * lists those needing help by kind of household (poor 30, near-poor 95,
 * average 8, policy families 7: 140 in Thạnh Lộc), but a policy family is
 * also poor, near-poor, average or other, so its row overlaps the others:
 * the households are 133. Pages show this sentence beside the figure.
 */
export const needsHelpDefinition = {
  vi: 'Hộ cần giúp đỡ: số hộ được đánh dấu “cần giúp đỡ” trong sổ theo dõi, mỗi hộ tính một lần. Gia đình chính sách cũng thuộc một loại hộ (nghèo, cận nghèo, trung bình…), nên cộng các dòng theo loại hộ có thể lớn hơn số hộ.',
  en: 'Households needing help: households whose book is marked “needs help”, each counted once. A policy family also has a poverty status, so the rows by kind of household may add up to more than the households.',
} as const;
