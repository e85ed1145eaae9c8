import type { ChangeReason, ProposalIssue, ProposalIssueCode } from './balance-types.js';

type Text = { vi: string; en: string };

export const changeReasonLabels: Record<ChangeReason, Text> = {
  unassigned: { vi: 'Hộ chưa có đảng viên phụ trách', en: 'Household had no member' },
  member_excluded: {
    vi: 'Đảng viên đang phụ trách không tham gia đợt phân công này',
    en: 'Current member does not take part in this round',
  },
  other_cell: {
    vi: 'Chuyển về đảng viên cùng chi bộ với hộ',
    en: 'Moved to a member of the household’s own cell',
  },
  balance: { vi: 'Cân đối số hộ giữa các đảng viên', en: 'Balancing loads between members' },
  redistribute: { vi: 'Phân công lại từ đầu', en: 'Assigned afresh' },
};

export const proposalIssueLabels: Record<ProposalIssueCode, Text> = {
  NO_ELIGIBLE_MEMBERS: {
    vi: 'Chi bộ không có đảng viên tham gia phân công: {count} hộ giữ nguyên như hiện tại.',
    en: 'No member of the cell takes part: {count} households stay as they are.',
  },
  ABOVE_MAX: {
    vi: 'Không đạt mức tối đa {bound} hộ/đảng viên: {households} hộ cho {members} đảng viên, có người phải phụ trách {load} hộ.',
    en: 'The maximum of {bound} per member cannot be met: {households} households for {members} members, someone carries {load}.',
  },
  BELOW_MIN: {
    vi: 'Không đạt mức tối thiểu {bound} hộ/đảng viên: {households} hộ cho {members} đảng viên, có người chỉ phụ trách {load} hộ.',
    en: 'The minimum of {bound} per member cannot be met: {households} households for {members} members, someone carries only {load}.',
  },
  PAIRS_MOVED: {
    vi: '{count} hộ phải đổi người phụ trách để đạt mức tối thiểu, tối đa và độ chênh lệch cho phép.',
    en: '{count} existing pairs had to change to meet the bounds and the allowed spread.',
  },
  RECENT_ASSIGNMENTS_LEFT: {
    vi: '{count} hộ được phân công từ ngày áp dụng trở về sau nên giữ nguyên, không tính vào đề xuất.',
    en: '{count} households assigned from the effective date on are left as they are and not counted.',
  },
};

/** The issue in words, with its figures filled in. */
export function describeProposalIssue(issue: ProposalIssue, language: 'vi' | 'en'): string {
  const template = proposalIssueLabels[issue.code][language];
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB');
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = (issue as unknown as Record<string, unknown>)[key];
    return typeof value === 'number' ? number.format(value) : whole;
  });
}
