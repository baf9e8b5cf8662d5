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
  exchange: {
    listing_submitted: { title: 'Tin {{reference}} chờ kiểm duyệt', body: 'Tin "{{title}}" ({{reference}}) vừa được gửi kiểm duyệt trên Sàn công nghệ.' },
    listing_published: { title: 'Tin {{reference}} đã được đăng', body: 'Tin "{{title}}" ({{reference}}) đã được duyệt và hiển thị trên Sàn công nghệ.' },
    listing_returned: { title: 'Tin {{reference}} cần chỉnh sửa', body: 'Cán bộ kiểm duyệt đã trả lại tin "{{title}}" ({{reference}}) kèm ý kiến. Vui lòng sửa và gửi lại.' },
    listing_rejected: { title: 'Tin {{reference}} không được đăng', body: 'Tin "{{title}}" ({{reference}}) bị từ chối đăng. Lý do được ghi trong tin.' },
    revision_approved: { title: 'Bản sửa tin {{reference}} đã được duyệt', body: 'Nội dung sửa đổi của tin "{{title}}" ({{reference}}) đã được duyệt và đang hiển thị.' },
    revision_returned: { title: 'Bản sửa tin {{reference}} cần chỉnh sửa', body: 'Bản sửa của tin "{{title}}" ({{reference}}) bị trả lại kèm ý kiến; nội dung đã đăng vẫn hiển thị.' },
    revision_rejected: { title: 'Bản sửa tin {{reference}} không được duyệt', body: 'Bản sửa của tin "{{title}}" ({{reference}}) bị từ chối; nội dung đã đăng vẫn hiển thị.' },
    listing_expiring: { title: 'Tin {{reference}} sắp hết hạn', body: 'Tin "{{title}}" ({{reference}}) hiển thị đến ngày {{validUntil}}. Gia hạn để tin tiếp tục xuất hiện trong kết quả tìm kiếm.' },
    listing_expired: { title: 'Tin {{reference}} đã hết hạn', body: 'Tin "{{title}}" ({{reference}}) đã hết hạn và không còn trong kết quả tìm kiếm. Bạn có thể gia hạn.' },
    listing_reported: { title: 'Tin {{reference}} bị báo cáo', body: 'Một người dùng vừa báo cáo tin "{{title}}" ({{reference}}). Vui lòng xem xét.' },
    listing_unpublished: { title: 'Tin {{reference}} đã bị tạm gỡ', body: 'Cán bộ kiểm duyệt đã tạm gỡ tin "{{title}}" ({{reference}}) kèm ý kiến. Vui lòng sửa và gửi lại.' },
    access_requested: { title: 'Đề nghị xem chi tiết tin {{reference}}', body: 'Có người đề nghị xem chi tiết tin "{{title}}" ({{reference}}) và đã cam kết bảo mật. Vui lòng chấp thuận hoặc từ chối.' },
    access_approved: { title: 'Bạn được xem chi tiết tin {{reference}}', body: 'Chủ tin đã chấp thuận đề nghị xem chi tiết tin "{{title}}" ({{reference}}).' },
    access_declined: { title: 'Đề nghị xem tin {{reference}} không được chấp thuận', body: 'Chủ tin đã từ chối đề nghị xem chi tiết tin "{{title}}" ({{reference}}).' },
    connection_interest: { title: 'Có bên quan tâm đến tin {{reference}}', body: 'Một tổ chức vừa bày tỏ quan tâm đến tin "{{title}}" ({{reference}}). Vui lòng trả lời trước ngày {{replyDueOn}}.' },
    connection_accepted: { title: 'Quan tâm của bạn đến tin {{reference}} được chấp nhận', body: 'Chủ tin "{{title}}" ({{reference}}) đã chấp nhận kết nối. Hai bên có thể trao đổi tin nhắn.' },
    connection_declined: { title: 'Quan tâm đến tin {{reference}} không được chấp nhận', body: 'Chủ tin "{{title}}" ({{reference}}) đã từ chối kết nối.' },
    connection_message: { title: 'Tin nhắn mới về tin {{reference}}', body: 'Bạn có tin nhắn mới trong kết nối về tin "{{title}}" ({{reference}}).' },
    connection_outcome: { title: 'Cập nhật kết quả kết nối {{reference}}', body: 'Bên kia đã ghi nhận kết quả mới cho kết nối về tin "{{title}}" ({{reference}}).' },
    match_suggested: { title: 'Sở KH&CN gợi ý một kết nối cho tin {{reference}}', body: 'Sở Khoa học và Công nghệ gợi ý tin "{{otherTitle}}" ({{otherReference}}) phù hợp với tin "{{title}}" ({{reference}}) của bạn.' },
  },
};
