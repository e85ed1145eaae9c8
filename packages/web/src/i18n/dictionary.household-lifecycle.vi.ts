/** A household's life (chuyển hộ, tách hộ, nhập hộ, hộ không còn), spread into the Vietnamese dictionary. */
export const householdLifecycleVi = {
  'lifecycle.title': 'Biến động của hộ',
  'lifecycle.move': 'Chuyển hộ',
  'lifecycle.split': 'Tách hộ',
  'lifecycle.merge': 'Nhập hộ',
  'lifecycle.end': 'Hộ không còn',
  'lifecycle.effectiveDate': 'Có hiệu lực từ ngày',
  'lifecycle.reason': 'Lý do',
  'lifecycle.targetCell': 'Chi bộ nơi hộ chuyển đến',
  'lifecycle.newAddress': 'Địa chỉ mới (nếu thay đổi)',
  'lifecycle.newCode': 'Mã hộ mới',
  'lifecycle.people': 'Những người tách ra lập hộ mới',
  'lifecycle.newHead': 'Chủ hộ mới',
  'lifecycle.assignTo': 'Đảng viên phụ trách hộ mới (không bắt buộc)',
  'lifecycle.intoCode': 'Mã hộ nhận nhập',
  'lifecycle.endKind': 'Trường hợp',
  'lifecycle.assignment': 'Đảng viên đang phụ trách hộ',
  'lifecycle.assignmentEnd': 'Kết thúc phân công',
  'lifecycle.assignmentHand': 'Giao cho đảng viên khác',
  'lifecycle.assignmentMember': 'Đảng viên nhận phụ trách (cùng đảng bộ với chi bộ nơi đến)',
  'lifecycle.noAssignment': 'Hộ hiện không có đảng viên phụ trách.',
  'lifecycle.confirm': 'Xác nhận',
  'lifecycle.confirmMove':
    'Hộ {code} sẽ chuyển sang chi bộ đã chọn từ ngày {date}. Nếu chi bộ thuộc xã khác, hộ được lập sổ mới ở xã đó và sổ này kết thúc vào ngày hôm trước. {assignment} Tiếp tục?',
  'lifecycle.confirmSplit':
    '{count} người sẽ rời hộ {code} và lập hộ mới mã {newCode} từ ngày {date}. Sổ của hai hộ đều giữ lịch sử. Tiếp tục?',
  'lifecycle.confirmMerge':
    'Mọi người của hộ {code} sẽ nhập vào hộ {into} từ ngày {date}; hộ {code} kết thúc vào ngày hôm trước và không thể sửa nữa. {assignment} Tiếp tục?',
  'lifecycle.confirmEnd':
    'Hộ {code} không còn từ ngày {date}: hộ ra khỏi danh sách và số liệu từ ngày đó, vẫn được tính ở các ngày trước. Sổ không thể sửa nữa. {assignment} Tiếp tục?',
  'lifecycle.willEnd': 'Phân công hiện tại kết thúc vào ngày hôm trước.',
  'lifecycle.willHand':
    'Phân công hiện tại kết thúc vào ngày hôm trước và đảng viên được chọn phụ trách từ ngày hiệu lực.',
  'lifecycle.ended': 'Hộ không còn từ ngày {date} ({reason}).',
  'lifecycle.movedTo': 'Sổ tiếp theo ở xã mới:',
  'lifecycle.movedFrom': 'Chuyển đến từ hộ',
  'lifecycle.splitFrom': 'Tách từ hộ',
  'lifecycle.mergedInto': 'Đã nhập vào hộ',
  'lifecycle.linkedHousehold': 'Hộ liên quan',
  'lifecycle.intoNotFound': 'Không tìm thấy hộ có mã này trong phạm vi của bạn.',
};
