import type { CellRole, MemberStatus, Sex } from './member.schema.js';
import type { LeaveKind, MemberEventKind, PositionKind } from './member-lifecycle.schema.js';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const memberStatusLabels: Labels<MemberStatus> = {
  official: { vi: 'Chính thức', en: 'Full member' },
  probationary: { vi: 'Dự bị', en: 'Probationary' },
};

export const cellRoleLabels: Labels<CellRole> = {
  secretary: { vi: 'Bí thư', en: 'Secretary' },
  deputy: { vi: 'Phó Bí thư', en: 'Deputy secretary' },
  member: { vi: 'Đảng viên', en: 'Member' },
};

export const sexLabels: Labels<Sex> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

export const leaveKindLabels: Labels<LeaveKind> = {
  died: { vi: 'Từ trần', en: 'Died' },
  moved_away: { vi: 'Chuyển đi nơi khác', en: 'Moved away' },
  removed: { vi: 'Xóa tên', en: 'Removed from the rolls' },
  expelled: { vi: 'Khai trừ', en: 'Expelled' },
};

export const positionKindLabels: Labels<PositionKind> = {
  secretary: { vi: 'Bí thư', en: 'Secretary' },
  deputy_secretary: { vi: 'Phó Bí thư', en: 'Deputy secretary' },
  committee_member: { vi: 'Cấp ủy viên', en: 'Committee member' },
  standing_committee_member: { vi: 'Ủy viên Ban Thường vụ', en: 'Standing committee member' },
  standing: { vi: 'Thường trực', en: 'Standing member' },
};

export const memberEventKindLabels: Labels<MemberEventKind> = {
  joined: { vi: 'Bắt đầu sinh hoạt', en: 'Joined the cell' },
  transferred: { vi: 'Chuyển sinh hoạt đảng', en: 'Transferred' },
  transferred_in: { vi: 'Nhận sinh hoạt đảng', en: 'Transferred in' },
  left: { vi: 'Ra khỏi đảng', en: 'Left' },
  official: { vi: 'Chuyển đảng chính thức', en: 'Became a full member' },
  exemption_started: { vi: 'Miễn sinh hoạt', en: 'Exempted from activities' },
  exemption_ended: { vi: 'Hết miễn sinh hoạt', en: 'Exemption ended' },
  position_started: { vi: 'Nhận chức vụ', en: 'Took a position' },
  position_ended: { vi: 'Thôi chức vụ', en: 'Left a position' },
};
