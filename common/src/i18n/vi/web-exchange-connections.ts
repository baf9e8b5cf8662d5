/** Technology exchange, connections pages (vi). */
export const webExchangeConnections = {
  exchangeConnections: {
    interest: {
      button: 'Bày tỏ quan tâm',
      signIn: 'Đăng nhập để bày tỏ quan tâm',
      title: 'Bày tỏ quan tâm',
      intro: 'Trả lời ba câu hỏi để chủ tin hiểu nhu cầu của bạn. Chủ tin sẽ chấp nhận hoặc từ chối; khi chấp nhận, hai tổ chức trao đổi trong một luồng tin nhắn riêng.',
      submit: 'Gửi bày tỏ quan tâm',
      sent: 'Đã gửi bày tỏ quan tâm. Chủ tin sẽ được thông báo.',
      openConnection: 'Xem kết nối của bạn với tin này',
      notPublished: 'Tin chưa được công bố',
    },
    questions: {
      cooperationSought: 'Bạn mong muốn hợp tác theo hình thức nào?',
      cooperationSoughtHint: 'Ví dụ: mua công nghệ kèm thiết bị, li-xăng, liên doanh, tư vấn…',
      missingInformation: 'Bạn còn cần thông tin gì?',
      missingInformationHint: 'Những điểm cần làm rõ trước khi trao đổi tiếp.',
      aboutUs: 'Giới thiệu về tổ chức của bạn',
      aboutUsHint: 'Lĩnh vực hoạt động, quy mô, nhu cầu hoặc năng lực liên quan.',
    },
  },
};
