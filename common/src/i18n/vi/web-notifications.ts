/** Notification bell and page, Vietnamese (source locale). Message texts: notifications.ts. */
export const webNotifications = {
  notificationCenter: {
    title: 'Thông báo',
    intro: 'Các thông báo gửi cho bạn, mới nhất trước.',
    bell: 'Thông báo',
    bellUnread_one: 'Thông báo: {{count}} chưa đọc',
    bellUnread_other: 'Thông báo: {{count}} chưa đọc',
    unreadOnly: 'Chỉ hiện thông báo chưa đọc',
    markAllRead: 'Đánh dấu tất cả đã đọc',
    markRead: 'Đánh dấu đã đọc',
    markReadNamed: 'Đánh dấu đã đọc: {{title}}',
    unread: 'Chưa đọc',
    open: 'Mở',
    empty: 'Không có thông báo nào.',
    listLabel: 'Danh sách thông báo',
  },
};
