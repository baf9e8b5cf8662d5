/** Technology exchange, detail pages (vi): the listing page, access requests, files. */
export const webExchangeDetail = {
  exchangeDetail: {
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
