/** Technology exchange, detail pages (vi): the listing page, access requests, files. */
export const webExchangeDetail = {
  exchangeDetail: {
    requestStatuses: { pending: 'Chờ chủ tin xem xét', approved: 'Đã chấp thuận', declined: 'Bị từ chối', revoked: 'Đã thu hồi', withdrawn: 'Đã rút' },
    export: {
      incomingFilename: 'de-nghi-xem-tin-cua-toi',
      mineFilename: 'de-nghi-xem-tin-da-gui',
      sheet: 'Đề nghị xem tin',
      createdAt: 'Ngày gửi',
      reference: 'Số tin',
      title: 'Tiêu đề tin',
      requester: 'Người đề nghị',
      organisation: 'Tổ chức',
      status: 'Trạng thái',
      decidedAt: 'Ngày quyết định',
      message: 'Lời nhắn',
      decisionNote: 'Ghi chú của chủ tin',
    },
    files: {
      none: 'Chưa có tệp đính kèm.',
      roles: { image: 'Hình ảnh', document: 'Tài liệu' },
      file: 'Tệp (ảnh PNG, JPEG, WebP hoặc PDF)',
      caption: 'Chú thích',
      upload: 'Tải lên',
      uploadTitle: 'Tải tệp lên',
      limits: 'Ảnh PNG, JPEG, WebP tối đa 5 MB; tài liệu PDF tối đa 20 MB. Loại tệp được kiểm tra theo nội dung.',
      tooLarge: 'Tệp quá lớn (tối đa {{size}}).',
      progress: 'Đang tải lên: {{percent}}%',
      remove: 'Gỡ tệp {{name}} khỏi tin',
    },
  },
};
