/** Phone use, navigation and accessibility labels (issue 15), spread into the Vietnamese dictionary. */
export const usabilityVi = {
  'dashboard.periodLabel': 'Kỳ số liệu (từ tháng – đến tháng)',
  'book.quickVisit': 'Ghi thăm hộ',
  'book.quickHelpAction': 'Thêm việc giúp đỡ',
  'book.quickHelpPlan': 'Lập kế hoạch giúp đỡ',
  'book.sections': 'Các phần của sổ',
  'book.sectionGeneral': 'Thông tin chung',
  'book.sectionWork': 'Thăm, giúp đỡ, kiến nghị',
  'book.sectionPeople': 'Nhân khẩu',
  'book.sectionLiving': 'Đời sống, hằng năm',
  'book.sectionHistory': 'Lịch sử',
  'nav.group.mine': 'Việc của tôi',
  'nav.group.cell': 'Chi bộ',
  'nav.group.committee': 'Đảng bộ',
  'nav.group.reports': 'Báo cáo, số liệu',
  'nav.group.admin': 'Quản trị',
  'import.typedValue': 'Đã nhập "{value}":',
  'petitions.stepDueHelp':
    'Hạn xử lý của bước đang làm: ngày người đang giữ kiến nghị phải chuyển, tiếp nhận hoặc trả lời (tính theo ngày làm việc); quá hạn thì kiến nghị được báo lên cấp trên.',
  'petitions.answerDueHelp':
    'Ngày đã hẹn với hộ dân là sẽ có câu trả lời; có thể muộn hơn hạn của từng bước.',
  'petitions.datesLegend': 'Hai mốc ngày',
} as const;
