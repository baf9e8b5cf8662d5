/** Technology exchange, public statistics page and its export (vi). */
export const webExchangeStatistics = {
  exchangeStatistics: {
    title: 'Thống kê sàn công nghệ',
    intro: 'Số tin chào bán và nhu cầu công nghệ đang đăng (còn hiệu lực) theo lĩnh vực ưu tiên và quốc gia; số lượt bày tỏ quan tâm và kết quả kết nối theo tháng. Chỉ là số liệu tổng hợp, không có nội dung chi tiết của tin nào.',
    asOf: 'Số liệu ngày {{date}}',
    months: 'Khoảng thời gian',
    monthsOption: '{{count}} tháng gần nhất',
    totals: {
      offers: 'Công nghệ chào bán',
      demands: 'Nhu cầu công nghệ',
      experts: 'Chuyên gia',
      intermediaries: 'Tổ chức trung gian',
      connections: 'Lượt bày tỏ quan tâm',
      outcomes: 'Kết quả đã ghi nhận',
    },
    sections: {
      bySector: 'Theo lĩnh vực ưu tiên',
      byCountry: 'Theo quốc gia',
      byMonth: 'Kết nối và kết quả theo tháng',
    },
    chartLabel: 'Biểu đồ: {{title}}. Số liệu đầy đủ trong bảng bên dưới.',
    columns: {
      sector: 'Lĩnh vực',
      country: 'Quốc gia',
      month: 'Tháng',
      offers: 'Chào bán',
      demands: 'Nhu cầu',
      connections: 'Bày tỏ quan tâm',
      accepted: 'Được chấp nhận',
    },
    countryNote: 'Chào bán: quốc gia xuất xứ công nghệ; nhu cầu: nơi doanh nghiệp đặt nhu cầu.',
    unknown: 'Không rõ',
    empty: 'Chưa có số liệu.',
    export: {
      filename: 'thong-ke-san-cong-nghe',
      sheet: 'Thống kê',
      section: 'Mục',
      group: 'Nhóm',
      totalsRow: 'Tổng số tin đang đăng',
    },
  },
};
