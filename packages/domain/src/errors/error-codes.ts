/**
 * Stable error codes of the API, each with the HTTP status it maps to and the
 * message a user reads. The web app shows `message` as is (Vietnamese) or looks
 * the code up in English when the user chose English.
 */
export const errorCodes = {
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The submitted data is invalid.',
  },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' },
  PERIOD_AMBIGUOUS: {
    status: 400,
    vi: 'Hãy chọn một năm hoặc một khoảng thời gian (từ … đến …), không chọn cả hai.',
    en: 'Give either a year or a period (from … to …), not both.',
  },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần, tài khoản tạm khóa trên máy này. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many failed logins: sign-in from here is locked. Please try again in {minutes} minutes.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  CROSS_SITE_REQUEST: {
    status: 403,
    vi: 'Yêu cầu bị từ chối vì không xuất phát từ ứng dụng Cầu Nối.',
    en: 'Request refused: it did not come from the Cầu Nối app.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' },
  MEMBER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đảng viên.', en: 'Member not found.' },
  HOUSEHOLD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hộ gia đình.', en: 'Household not found.' },
  HOUSEHOLD_POSSIBLE_DUPLICATE: {
    status: 409,
    vi: 'Đã có hộ gia đình cùng tên chủ hộ và địa chỉ gần giống. Vui lòng kiểm tra trước khi thêm.',
    en: 'A household with the same head and a very similar address already exists. Please check before adding.',
  },
  COMMITMENT_ITEM_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy nội dung cam kết.',
    en: 'Commitment item not found.',
  },
  NOT_A_GRASSROOTS_UNIT: {
    status: 409,
    vi: 'Đơn vị được chọn không thuộc một đảng bộ cơ sở.',
    en: 'The chosen unit does not belong to a grassroots organisation.',
  },
  ASSIGNMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phân công.', en: 'Assignment not found.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  WRONG_CURRENT_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  PASSWORD_UNCHANGED: {
    status: 400,
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.',
    en: 'Someone else changed this record. Reload and try again.',
  },
  WRITE_ID_REUSED: {
    status: 409,
    vi: 'Mã lần ghi này đã được dùng cho một thay đổi khác. Vui lòng tải lại và thử lại.',
    en: 'This write id was already used for another change. Reload and try again.',
  },
  HOUSEHOLD_ENDED: {
    status: 409,
    vi: 'Hộ này không còn (đã chuyển đi, nhập hộ khác hoặc kết thúc): không thể thay đổi.',
    en: 'This household no longer exists (moved, merged or ended): it cannot be changed.',
  },
  HOUSEHOLD_ASSIGNMENT_DECISION_REQUIRED: {
    status: 409,
    vi: 'Hộ đang có đảng viên phụ trách: hãy chọn kết thúc phân công hay giao hộ cho đảng viên khác.',
    en: 'The household has an assigned member: choose whether the assignment ends or is handed to another member.',
  },
  HOUSEHOLD_DATE_IN_FUTURE: {
    status: 409,
    vi: 'Ngày hiệu lực không được sau ngày hôm nay.',
    en: 'The effective date cannot be after today.',
  },
  HOUSEHOLD_DATE_TOO_EARLY: {
    status: 409,
    vi: 'Ngày hiệu lực phải sau lần thay đổi trước của hộ và sau ngày bắt đầu phân công hiện tại.',
    en: "The effective date must follow the household's previous change and the start of its current assignment.",
  },
  HOUSEHOLD_SAME_PLACE: {
    status: 409,
    vi: 'Hộ đã ở chi bộ và ấp này.',
    en: 'The household is already in this cell and hamlet.',
  },
  HOUSEHOLD_SPLIT_INVALID: {
    status: 409,
    vi: 'Người tách hộ phải đang sống trong hộ, chủ hộ mới phải nằm trong số đó, và hộ cũ phải còn ít nhất một người.',
    en: 'The people splitting off must live in the household, the new head must be one of them, and someone must stay.',
  },
  HOUSEHOLD_MERGE_INVALID: {
    status: 409,
    vi: 'Chỉ nhập được vào một hộ khác đang còn, cùng đảng bộ cơ sở.',
    en: 'A household can only merge into another existing household of the same grassroots organisation.',
  },
  DUPLICATE_CODE: { status: 409, vi: 'Mã này đã được sử dụng.', en: 'This code is already in use.' },
  DUPLICATE_USERNAME: { status: 409, vi: 'Tên đăng nhập đã tồn tại.', en: 'This username already exists.' },
  ALREADY_ASSIGNED: {
    status: 409,
    vi: 'Hộ này đang có đảng viên phụ trách trong thời gian đó.',
    en: 'This household already has a member assigned in that period.',
  },
  INVALID_PARENT: {
    status: 409,
    vi: 'Không thể đặt đơn vị này dưới đơn vị cha đã chọn.',
    en: 'This unit cannot be placed under the chosen parent.',
  },
  UNIT_PARENT_USE_RESTRUCTURE: {
    status: 400,
    vi: 'Không đổi đơn vị cấp trên bằng cách sửa đơn vị: hãy dùng chức năng Sắp xếp đơn vị (di chuyển, sáp nhập, chia tách) với ngày hiệu lực.',
    en: "A unit's parent is not edited: use Restructuring (move, merge, split) with an effective date.",
  },
  UNIT_WOULD_STRAND: {
    status: 409,
    vi: 'Không thể kết thúc đơn vị vì còn đảng viên, hộ gia đình, phân công, kế hoạch hỗ trợ, kiến nghị hoặc đơn vị trực thuộc đang hoạt động. Hãy sắp xếp nơi chuyển đến trước.',
    en: 'The unit cannot end: it still holds active members, households, assignments, help plans, petitions or child units. Say where each goes first.',
  },
  RESTRUCTURE_PLAN_INVALID: {
    status: 409,
    vi: 'Phương án sắp xếp có lỗi; không có thay đổi nào được ghi.',
    en: 'The restructuring plan has errors; nothing was written.',
  },
  NOT_A_CELL: {
    status: 409,
    vi: 'Đơn vị được chọn không phải là chi bộ.',
    en: 'The chosen unit is not a cell.',
  },
  NOT_A_HAMLET: {
    status: 409,
    vi: 'Đơn vị được chọn không phải là ấp.',
    en: 'The chosen unit is not a hamlet.',
  },
  OTHER_ORGANISATION: {
    status: 409,
    vi: 'Đảng viên và hộ gia đình không thuộc cùng một đảng bộ cơ sở.',
    en: 'The member and the household belong to different grassroots organisations.',
  },
  MEMBER_INACTIVE: {
    status: 409,
    vi: 'Đảng viên không còn sinh hoạt tại chi bộ vào ngày đó.',
    en: 'The member is not active in the cell on that date.',
  },
  INVALID_DATES: {
    status: 409,
    vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
    en: 'The end date must follow the start date.',
  },
  NOT_A_PARTY_UNIT: {
    status: 409,
    vi: 'Thống kê phân công tính theo tổ chức đảng: hãy chọn một đảng bộ hoặc chi bộ.',
    en: 'Assignment figures are kept by party unit: choose a committee or a cell.',
  },
  PROPOSAL_SCOPE: {
    status: 409,
    vi: 'Chỉ lập đề xuất phân công cho một chi bộ hoặc một đảng bộ xã.',
    en: 'A proposal is made for one cell or one commune committee.',
  },
  PROPOSAL_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đề xuất phân công.', en: 'Proposal not found.' },
  PROPOSAL_STALE: {
    status: 409,
    vi: 'Phân công, hộ hoặc đảng viên đã thay đổi sau khi lập đề xuất. Vui lòng lập lại đề xuất.',
    en: 'Assignments, households or members changed since the preview. Make the proposal again.',
  },
  PROPOSAL_CLOSED: {
    status: 409,
    vi: 'Đề xuất này đã được áp dụng hoặc đã hủy.',
    en: 'This proposal has already been applied or discarded.',
  },
  PROPOSAL_DATE_PAST: {
    status: 409,
    vi: 'Ngày áp dụng đề xuất không được trước ngày hôm nay.',
    en: 'A proposal cannot take effect before today.',
  },
  BOUNDS_INVALID: {
    status: 409,
    vi: 'Số hộ tối thiểu không được lớn hơn số hộ tối đa cho mỗi đảng viên.',
    en: 'The minimum households per member cannot exceed the maximum.',
  },
  ROLE_NOT_GRANTABLE: {
    status: 403,
    vi: 'Bạn không thể cấp vai trò này.',
    en: 'You cannot grant this role.',
  },
  MEETING_NOT_FOUND: { status: 404, vi: 'Không tìm thấy buổi sinh hoạt.', en: 'Meeting not found.' },
  MEETING_EXISTS: {
    status: 409,
    vi: 'Chi bộ đã có buổi sinh hoạt thường kỳ trong tháng này.',
    en: 'The cell already has its regular meeting in this month.',
  },
  MEETING_DATE_IN_FUTURE: {
    status: 409,
    vi: 'Không thể ghi biên bản cho buổi sinh hoạt chưa diễn ra.',
    en: 'A meeting cannot be recorded before it takes place.',
  },
  NOT_A_CELL_MEMBER: {
    status: 409,
    vi: 'Đảng viên không sinh hoạt tại chi bộ này vào ngày đó.',
    en: 'The member did not belong to this cell on that date.',
  },
  NOT_THE_OVERSEER: {
    status: 409,
    vi: 'Đồng chí này không được phân công phụ trách chi bộ vào ngày đó.',
    en: 'This member was not assigned to oversee the cell on that date.',
  },
  SCORE_INVALID: {
    status: 409,
    vi: 'Điểm chấm không khớp với phiếu đánh giá áp dụng cho ngày sinh hoạt.',
    en: 'The scores do not match the scoring sheet in force on the meeting date.',
  },
  CATALOGUE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy danh mục (phiếu đánh giá, hình thức khen thưởng).',
    en: 'Catalogue entry not found.',
  },
  CATALOGUE_OVERLAP: {
    status: 409,
    vi: 'Đã có một phiên bản cùng mã có hiệu lực trong thời gian này.',
    en: 'Another version with this code is in force in that period.',
  },
  OVERSIGHT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phân công phụ trách.',
    en: 'Oversight assignment not found.',
  },
  ALREADY_OVERSEEN: {
    status: 409,
    vi: 'Đồng chí này đã được phân công phụ trách đơn vị trong thời gian đó.',
    en: 'This member already oversees the unit in that period.',
  },
  NOT_OVERSEEABLE: {
    status: 409,
    vi: 'Chỉ phân công cấp ủy viên phụ trách chi bộ, đảng bộ hoặc đoàn thể.',
    en: 'Only cells, committees and mass organisations get an overseer.',
  },
  UNIT_NOT_RATEABLE: {
    status: 409,
    vi: 'Đơn vị này không thuộc diện đánh giá, xếp loại ở đây.',
    en: 'This unit is not rated here.',
  },
  AWARD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy khen thưởng.', en: 'Commendation not found.' },
  AWARD_TITLE_NOT_VALID: {
    status: 409,
    vi: 'Hình thức khen thưởng không còn hiệu lực vào ngày quyết định hoặc không áp dụng cho đối tượng này.',
    en: 'The award title is not in force on the decision date or does not apply to this recipient.',
  },
  PETITION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kiến nghị.', en: 'Petition not found.' },
  ILLEGAL_TRANSITION: {
    status: 409,
    vi: 'Không thể thực hiện bước này ở trạng thái hiện tại của kiến nghị.',
    en: 'This step is not possible in the current state of the petition.',
  },
  INVALID_FORWARD_TARGET: {
    status: 409,
    vi: 'Không thể chuyển kiến nghị đến nơi đã chọn.',
    en: 'The petition cannot be forwarded there.',
  },
  INVALID_MERGE_TARGET: {
    status: 409,
    vi: 'Chỉ gộp được vào một kiến nghị khác đang xử lý của cùng đảng bộ.',
    en: 'A petition can only be merged into another open petition of the same organisation.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    vi: 'Tệp đính kèm vượt quá 5 MB.',
    en: 'The attachment is larger than 5 MB.',
  },
  ATTACHMENT_TYPE: {
    status: 415,
    vi: 'Chỉ nhận ảnh JPEG, PNG hoặc tài liệu PDF.',
    en: 'Only JPEG or PNG photos and PDF documents are accepted.',
  },
  TOO_MANY_ATTACHMENTS: {
    status: 409,
    vi: 'Mỗi kiến nghị có tối đa 10 tệp đính kèm.',
    en: 'A petition holds at most 10 attachments.',
  },
  ATTACHMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' },
  POVERTY_YEAR_UNSUPPORTED: {
    status: 400,
    vi: 'Năm rà soát phải từ 2022 đến 2030: chuẩn nghèo chỉ có cho các năm này (Nghị định 07/2021/NĐ-CP, 351/2025/NĐ-CP).',
    en: 'The review year must be 2022 to 2030: the poverty standard is defined only for those years.',
  },
  POVERTY_INDICATOR_UNKNOWN: {
    status: 400,
    vi: 'Có chỉ số thiếu hụt không thuộc chuẩn nghèo áp dụng cho năm rà soát.',
    en: 'A deprivation indicator is not part of the poverty standard for that year.',
  },
  POVERTY_INCOME_NEGATIVE: {
    status: 400,
    vi: 'Thu nhập bình quân đầu người một tháng không được là số âm.',
    en: 'The monthly income per person cannot be negative.',
  },
  POVERTY_INCOME_UNKNOWN: {
    status: 409,
    vi: 'Sổ theo dõi chưa có thu nhập hằng tháng của hộ nên chưa phân loại được.',
    en: "The household's book has no monthly income yet, so it cannot be classified.",
  },
  ATTENDANCE_ROLL_INCOMPLETE: {
    status: 400,
    vi: 'Danh sách điểm danh phải gồm mọi đảng viên của chi bộ vào ngày họp (người được miễn sinh hoạt không bắt buộc): còn thiếu {missing} đồng chí.',
    en: "The attendance roll must list every member of the cell on the meeting's date (members exempt from meetings may be left out): {missing} missing.",
  },
  VISIT_POSSIBLE_DUPLICATE: {
    status: 409,
    vi: 'Đã ghi một lần thăm hộ này cùng ngày, cùng đảng viên và cùng hình thức. Vui lòng kiểm tra trước khi ghi thêm.',
    en: 'A visit to this household by the same member, on the same day and of the same kind is already recorded. Please check before adding another.',
  },
  PRACTICE_DATE_IN_FUTURE: {
    status: 409,
    vi: 'Không thể ghi việc vận động, sinh hoạt tổ nhân dân tự quản vào một ngày chưa đến.',
    en: 'Persuasion, mobilisation or a self-managed group meeting cannot be recorded for a day that has not come yet.',
  },
  NO_OPEN_COMPLIANCE_CASE: {
    status: 409,
    vi: 'Hộ chưa được ghi nhận là chấp hành chưa tốt vào ngày đó: hãy ghi nhận trước khi ghi việc vận động.',
    en: 'The household is not recorded as not yet complying on that day: record that first.',
  },
  VISIT_DATE_IN_FUTURE: {
    status: 409,
    vi: 'Không thể ghi lần thăm hộ vào một ngày chưa đến.',
    en: 'A visit cannot be recorded for a day that has not come yet.',
  },
  HELP_PLAN_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy kế hoạch giúp đỡ hộ.',
    en: 'Help plan not found.',
  },
  HELP_PLAN_EXISTS: {
    status: 409,
    vi: 'Hộ này đã có kế hoạch giúp đỡ: hãy bổ sung vào kế hoạch hiện có.',
    en: 'This household already has a help plan: add to the existing one.',
  },
  HELP_ACTION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy việc làm giúp đỡ trong kế hoạch.',
    en: 'Help action not found.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.', en: 'Too many requests.' },
  IMPORT_NOT_EXCEL: {
    status: 415,
    vi: 'Tệp không phải bảng tính Excel (.xlsx) hoặc CSV. Tệp .xls cũ: hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
    en: 'The file is not an Excel workbook (.xlsx) or a CSV file. An old .xls file: open it in Excel and save it as .xlsx.',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp quá lớn: tối đa 20 MB (và 400 MB khi giải nén). Hãy chia thành nhiều tệp nhỏ hơn.',
    en: 'The file is too large: at most 20 MB (and 400 MB unpacked). Split it into smaller files.',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    vi: 'Tệp có quá nhiều dòng: tối đa 200.000 dòng mỗi lần nhập. Hãy chia thành nhiều tệp.',
    en: 'Too many rows: at most 200,000 per import. Split the file.',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng .xlsx / CSV.',
    en: 'The file cannot be read: it is damaged or not a valid .xlsx / CSV file.',
  },
  IMPORT_BAD_ENCODING: {
    status: 400,
    vi: 'Tệp CSV phải lưu với bảng mã UTF-8 (trong Excel: Lưu thành → CSV UTF-8).',
    en: 'A CSV file must be saved as UTF-8 (in Excel: Save as → CSV UTF-8).',
  },
  IMPORT_SHEET_REQUIRED: {
    status: 400,
    vi: 'Tệp CSV chỉ chứa một loại dữ liệu: hãy chọn loại (units, members, households hoặc assignments).',
    en: 'A CSV file holds one kind of record: choose it (units, members, households or assignments).',
  },
  EXPORT_TOO_LARGE: {
    status: 413,
    vi: 'Danh sách quá lớn để xuất một lần (tối đa 200.000 dòng). Hãy chọn đơn vị nhỏ hơn.',
    en: 'The list is too large to export at once (at most 200,000 rows). Choose a smaller unit.',
  },
  RATING_FRAMEWORK_MISSING: {
    status: 409,
    vi: 'Chưa có khung tiêu chí đánh giá, xếp loại áp dụng cho năm này.',
    en: 'No rating framework applies to this year.',
  },
  RATING_FRAMEWORK_OVERLAP: {
    status: 409,
    vi: 'Phiên bản mới phải có hiệu lực sau ngày bắt đầu của các phiên bản trước cùng đối tượng.',
    en: 'A new version must take effect after the start of the earlier versions for the same subject.',
  },
  RATING_STEP_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện bước này: phải qua đủ các bước trước (tự đánh giá → đề xuất → quyết định).',
    en: 'This step cannot be taken now: the earlier steps come first (self-assessment → proposal → decision).',
  },
  RATING_SHEET_INVALID: {
    status: 400,
    vi: 'Phiếu chấm điểm chưa đúng: kiểm tra từng tiêu chí (đủ tiêu chí, không vượt điểm tối đa).',
    en: 'The score sheet is invalid: check each item (all present, none above its maximum).',
  },
  TARGET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chỉ tiêu.', en: 'Target not found.' },
  REPORT_NOT_READY: {
    status: 409,
    vi: 'Báo cáo đang được lập, chưa xong. Vui lòng chờ rồi thử lại.',
    en: 'The report is still being built. Please wait and try again.',
  },
  MONTH_LOCKED: {
    status: 409,
    vi: 'Tháng này của chi bộ đã được duyệt báo cáo và khóa sổ: không thể sửa số liệu có ngày trong tháng. Liên hệ Văn phòng Đảng ủy nếu cần điều chỉnh.',
    en: "This cell's month is approved and locked: records dated in it cannot be changed. Ask the committee office if a correction is needed.",
  },
  REPORT_MONTH_NOT_OPEN: {
    status: 409,
    vi: 'Chưa đến lúc gửi báo cáo của tháng này: báo cáo tháng được gửi từ ngày {fromDay} của tháng (hoặc sau khi hết tháng), không gửi trước cho tháng chưa đến.',
    en: "This month's report cannot be sent yet: a month's report is sent from day {fromDay} of the month (or after it ends), never for a month still to come.",
  },
  REPORT_STEP_NOT_ALLOWED: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này với báo cáo ở trạng thái hiện tại.',
    en: 'This action is not possible in the report’s current state.',
  },
  REPORT_COMMENT_REQUIRED: {
    status: 400,
    vi: 'Khi trả lại báo cáo cần ghi rõ lý do.',
    en: 'Returning a report needs a comment saying why.',
  },
  SUPERVISION_ITEM_UNKNOWN: {
    status: 400,
    vi: 'Nội dung giám sát không thuộc danh mục áp dụng cho tháng này.',
    en: 'A supervision item is not in the checklists valid for this month.',
  },
  USE_MEMBER_ACTION: {
    status: 400,
    vi: 'Không sửa trực tiếp chi bộ hay ngày thôi sinh hoạt của đảng viên: hãy dùng thao tác "Chuyển sinh hoạt" hoặc "Ra khỏi đảng / Từ trần".',
    en: 'A member\'s cell or end date is not edited directly: use the "Transfer" or "Leaving" action.',
  },
  HANDOVER_UNDECIDED: {
    status: 409,
    vi: 'Còn hộ đảng viên đang phụ trách chưa được giao cho người khác hoặc kết thúc phân công. Hãy quyết định cho từng hộ.',
    en: 'Some households the member follows have no decision yet: hand each to another member or end its assignment.',
  },
  HANDOVER_INVALID: {
    status: 409,
    vi: 'Quyết định bàn giao hộ không hợp lệ: hộ không do đảng viên này phụ trách, hoặc người nhận không sinh hoạt cùng đảng bộ vào ngày đó.',
    en: 'Invalid handover: the household is not followed by this member, or the new member is not active in the same organisation on that date.',
  },
  LIFECYCLE_DATE_INVALID: {
    status: 409,
    vi: 'Ngày hiệu lực không hợp lệ: không được sau ngày hôm nay và phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại.',
    en: 'Invalid effective date: it cannot be after today and must follow the start in the current cell.',
  },
  SAME_CELL: {
    status: 409,
    vi: 'Đảng viên đang sinh hoạt ở chi bộ này.',
    en: 'The member is already in this cell.',
  },
  ALREADY_OFFICIAL: {
    status: 409,
    vi: 'Đảng viên đã là đảng viên chính thức.',
    en: 'The member is already a full member.',
  },
  PERIOD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thời kỳ này.', en: 'Period not found.' },
  SUBJECT_REQUEST_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy yêu cầu của chủ thể dữ liệu.',
    en: 'Data subject request not found.',
  },
  SUBJECT_REQUEST_STEP: {
    status: 409,
    vi: 'Không thể thực hiện bước này ở trạng thái hiện tại của yêu cầu.',
    en: 'This step is not possible in the current state of the request.',
  },
  ASSIGNEE_OUT_OF_SCOPE: {
    status: 400,
    vi: 'Người được giao phải là tài khoản đang hoạt động có phạm vi bao gồm hộ này.',
    en: 'The assignee must be an active account whose scope includes this household.',
  },
  BREACH_NOT_FOUND: { status: 404, vi: 'Không tìm thấy sự cố dữ liệu.', en: 'Breach not found.' },
  DATABASE_BUSY: {
    status: 503,
    vi: 'Hệ thống đang ghi một lượng lớn dữ liệu (nhập từ Excel). Vui lòng thử lại sau ít phút.',
    en: 'The system is busy writing a large batch (an Excel import). Please try again in a few minutes.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.',
    en: 'Something went wrong. Please try again later.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCodes;

/**
 * The text a user reads. `{name}` in a message is filled from the error's
 * details (numbers only: details never carry personal data); without them it
 * reads "ít" / "a few".
 */
export function errorMessage(
  code: ErrorCode,
  language: 'vi' | 'en' = 'vi',
  details?: Record<string, unknown>,
): string {
  return errorCodes[code][language].replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = details?.[name];
    if (typeof value === 'number') return String(value);
    return language === 'vi' ? 'ít' : 'a few';
  });
}
