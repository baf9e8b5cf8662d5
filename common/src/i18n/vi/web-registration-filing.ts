/** Applicant's side of contract registration (hồ sơ đăng ký chuyển giao công nghệ), Vietnamese (source locale). */
export const webRegistrationFiling = {
  registrationFiling: {
    defaultTitle: 'Hồ sơ đăng ký hợp đồng chuyển giao công nghệ',
    purposeTitle: {
      amendment: 'Sửa đổi, bổ sung',
      extension: 'Gia hạn',
    },
    problems: {
      required: 'Thông tin này là bắt buộc.',
      not_applicable: 'Thông tin này không áp dụng cho lựa chọn đã chọn.',
      end_before_start: 'Ngày kết thúc không được trước ngày bắt đầu.',
      step_missing: 'Bước này chưa được điền.',
      invalid: 'Thông tin chưa hợp lệ.',
      document_missing: 'Thiếu tài liệu bắt buộc.',
    },
  },
};
