/**
 * Notification texts (in-app and the e-mail copy): `notifications.<kind>.title` / `.body`, filled with the
 * notification's parameters (referenceNo; certificateNumber for issued and revoked; never prices or rates). A module that notifies adds its
 * kinds here, Vietnamese first.
 */
export const notifications = {
  registration: {
    submitted: { title: 'Hồ sơ {{referenceNo}} đã nộp', body: 'Hồ sơ đăng ký hợp đồng chuyển giao công nghệ {{referenceNo}} vừa được nộp và chờ phân công xử lý.' },
    supplemented: { title: 'Hồ sơ {{referenceNo}} đã bổ sung', body: 'Bên nộp hồ sơ {{referenceNo}} đã gửi tài liệu, thông tin bổ sung theo yêu cầu.' },
    withdrawn: { title: 'Hồ sơ {{referenceNo}} đã rút', body: 'Bên nộp đã rút hồ sơ đăng ký {{referenceNo}}.' },
    applicant_comment: { title: 'Tin nhắn mới về hồ sơ {{referenceNo}}', body: 'Bên nộp hồ sơ {{referenceNo}} vừa gửi một tin nhắn cho Sở Khoa học và Công nghệ.' },
    assigned: { title: 'Bạn được giao hồ sơ {{referenceNo}}', body: 'Hồ sơ đăng ký {{referenceNo}} đã được giao cho bạn xử lý.' },
    accepted: { title: 'Hồ sơ {{referenceNo}} đã được tiếp nhận', body: 'Hồ sơ {{referenceNo}} đầy đủ, hợp lệ và đang được thẩm tra.' },
    supplement_requested: { title: 'Hồ sơ {{referenceNo}} cần bổ sung', body: 'Sở Khoa học và Công nghệ đề nghị bổ sung hồ sơ {{referenceNo}}. Vui lòng mở hồ sơ để xem nội dung cần bổ sung.' },
    staff_comment: { title: 'Tin nhắn của Sở về hồ sơ {{referenceNo}}', body: 'Sở Khoa học và Công nghệ vừa gửi một tin nhắn về hồ sơ {{referenceNo}}.' },
    draft_ready: { title: 'Dự thảo chờ phê duyệt: {{referenceNo}}', body: 'Dự thảo kết quả xử lý hồ sơ {{referenceNo}} đang chờ lãnh đạo phê duyệt.' },
    draft_returned: { title: 'Dự thảo bị trả lại: {{referenceNo}}', body: 'Lãnh đạo đã trả lại dự thảo của hồ sơ {{referenceNo}} kèm ý kiến.' },
    issued: { title: 'Đã cấp Giấy chứng nhận cho hồ sơ {{referenceNo}}', body: 'Giấy chứng nhận đăng ký chuyển giao công nghệ số {{certificateNumber}} của hồ sơ {{referenceNo}} đã được cấp. Bạn có thể tải về trên nền tảng.' },
    refused: { title: 'Hồ sơ {{referenceNo}} bị từ chối', body: 'Sở Khoa học và Công nghệ đã từ chối cấp Giấy chứng nhận cho hồ sơ {{referenceNo}}. Văn bản từ chối nêu rõ lý do.' },
    revoked: { title: 'Giấy chứng nhận của hồ sơ {{referenceNo}} bị thu hồi', body: 'Giấy chứng nhận đăng ký chuyển giao công nghệ số {{certificateNumber}} của hồ sơ {{referenceNo}} đã bị thu hồi.' },
    tax_query: { title: 'Câu hỏi của cơ quan thuế về hồ sơ {{referenceNo}}', body: 'Cơ quan thuế vừa gửi một câu hỏi về hợp đồng đã đăng ký {{referenceNo}}.' },
    tax_answer: { title: 'Sở đã trả lời về hồ sơ {{referenceNo}}', body: 'Sở Khoa học và Công nghệ vừa trả lời câu hỏi về hợp đồng đã đăng ký {{referenceNo}}.' },
  },
};
