/** E-mail templates. `{{link}}` and other placeholders are filled by the server. */
export const mail = {
  signature: 'Nền tảng Chuyển giao Công nghệ Hải Phòng',
  verifyEmail: {
    subject: 'Xác minh địa chỉ email của bạn',
    body: 'Xin chào {{name}},\n\nCảm ơn bạn đã đăng ký. Vui lòng mở liên kết sau để xác minh email (hiệu lực {{hours}} giờ):\n{{link}}\n\nNếu bạn không đăng ký, hãy bỏ qua thư này.',
  },
  signUpExisting: {
    subject: 'Có người vừa đăng ký bằng email của bạn',
    body: 'Xin chào,\n\nCó người vừa dùng địa chỉ email này để đăng ký tài khoản mới, nhưng email đã có tài khoản. Nếu là bạn, hãy đăng nhập hoặc đặt lại mật khẩu tại:\n{{link}}\n\nNếu không phải bạn, hãy bỏ qua thư này.',
  },
  passwordReset: {
    subject: 'Đặt lại mật khẩu',
    body: 'Xin chào {{name}},\n\nChúng tôi nhận được yêu cầu đặt lại mật khẩu. Mở liên kết sau để đặt mật khẩu mới (hiệu lực {{minutes}} phút, dùng một lần):\n{{link}}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
  },
  invitation: {
    subject: 'Lời mời tham gia Nền tảng Chuyển giao Công nghệ Hải Phòng',
    body: 'Xin chào,\n\n{{inviter}} mời bạn tham gia nền tảng với vai trò "{{role}}"{{organisation}}. Mở liên kết sau để tạo tài khoản (hiệu lực {{days}} ngày):\n{{link}}',
  },
  accountLocked: {
    subject: 'Cảnh báo: nhiều lần đăng nhập sai',
    body: 'Xin chào {{name}},\n\nTài khoản của bạn vừa có {{count}} lần đăng nhập sai liên tiếp nên bị tạm khóa đăng nhập {{minutes}} phút. Nếu không phải bạn, hãy đổi mật khẩu và báo cho quản trị viên.',
  },
  notification: {
    subject: '{{title}}',
    body: 'Xin chào {{name}},\n\n{{body}}\n\nMở trên nền tảng: {{url}}',
  },
  savedSearchDigest: {
    subject: 'Tìm kiếm đã lưu "{{searchName}}": {{count}} tin mới',
    body: 'Xin chào {{name}},\n\nCó {{count}} tin mới trên Sàn giao dịch công nghệ khớp với tìm kiếm đã lưu "{{searchName}}" của bạn:\n\n{{items}}{{more}}\nXem tất cả kết quả: {{searchUrl}}\n\nBạn nhận thư này vì đã đăng ký bản tin {{frequency}} cho tìm kiếm này. Hủy nhận thư cho tìm kiếm này (một lần nhấp): {{unsubscribeUrl}}\nQuản lý các tìm kiếm đã lưu: {{manageUrl}}',
    frequency: { daily: 'hằng ngày', weekly: 'hằng tuần' },
    more: '… và {{count}} tin khác.\n',
  },
};
