import type { Currency, TransferForm, Visibility } from '../../../../common/src/api/exchange-listings.js';
import type { SeedListing } from './exchange.seed-data.js';

/** Demo demands (Vietnamese, Hải Phòng enterprises), expert and intermediary profiles, and connections. */

interface DemandSpec {
  owner: string;
  title: string;
  teaser: string;
  problem: string;
  current: string;
  wanted: string;
  keywords: string[];
  items: string[];
  budget?: [number, number, Currency];
  months: number;
  forms: TransferForm[];
  countries?: string[];
  minTrl?: number;
  location: string;
  visibility?: Visibility;
  status?: 'published' | 'in_review';
  daysAgo: number;
}

function demand(d: DemandSpec): SeedListing {
  const p = (text: string) => ({ vi: `<p>${text}</p>` });
  return {
    owner: d.owner,
    visibility: d.visibility ?? 'public',
    status: d.status ?? 'published',
    daysAgo: d.daysAgo,
    content: {
      kind: 'demand',
      originalLanguage: 'vi',
      title: { vi: d.title },
      teaser: { vi: d.teaser },
      keywords: d.keywords,
      catalogItemCodes: d.items,
      fileIds: [],
      problem: p(d.problem),
      currentProcess: p(d.current),
      wantedResults: p(d.wanted),
      budget: d.budget ? { kind: 'range', min: d.budget[0], max: d.budget[1], currency: d.budget[2] } : { kind: 'negotiable' },
      timelineMonths: d.months,
      preferredTransferForms: d.forms,
      preferredCountries: d.countries ?? [],
      ...(d.minTrl ? { minimumTrl: d.minTrl } : {}),
      location: d.location,
    },
  };
}

const BD = 'doanh-nghiep@demo.cgcn.vn';
const CB = 'thuy-san@demo.cgcn.vn';
const TD = 'dien-tu@demo.cgcn.vn';
const NT = 'dong-tau@demo.cgcn.vn';
const DP = 'duoc-pham@demo.cgcn.vn';
const NN = 'nong-nghiep@demo.cgcn.vn';
const LG = 'logistics@demo.cgcn.vn';
const XD = 'xay-dung@demo.cgcn.vn';
const ty = 1_000_000_000;

/** Demands. The first one matches the Finnish MBR offer only through glossary terms (xử lý nước thải ↔ wastewater treatment). */
export const DEMANDS: SeedListing[] = [
  demand({ owner: CB, daysAgo: 10, title: 'Cần công nghệ xử lý nước thải nhà máy chế biến thủy sản đạt cột A', teaser: 'Nhà máy chế biến cá và mực đông lạnh tại Hải Phòng cần hệ thống xử lý nước thải công suất 600 m³/ngày, nước sau xử lý đạt QCVN 11-MT:2015/BTNMT cột A.', problem: 'Nước thải có độ mặn và hàm lượng đạm cao, hệ thống hiện tại quá tải vào mùa cao điểm.', current: 'Bể tuyển nổi, bể hiếu khí truyền thống và hồ sinh học.', wanted: 'Đạt cột A ổn định, diện tích nhỏ, giảm bùn thải, vận hành tự động.', keywords: ['nước thải công nghiệp', 'xử lý nước thải', 'chế biến thủy sản'], items: ['1.7.1'], budget: [3 * ty, 8 * ty, 'VND'], months: 12, forms: ['equipment_with_technology', 'consulting_training'], countries: ['FI', 'JP', 'KR'], minTrl: 7, location: 'Khu công nghiệp Nam Đình Vũ, Hải Phòng' }),
  demand({ owner: CB, daysAgo: 28, title: 'Tìm công nghệ sấy mực, cá cơm tiết kiệm năng lượng', teaser: 'Doanh nghiệp cần thay lò sấy dùng dầu bằng công nghệ sấy nhiệt độ thấp, giữ màu sản phẩm, công suất 2 tấn nguyên liệu/mẻ.', problem: 'Chi phí dầu cao, sản phẩm bị sẫm màu, khó đạt yêu cầu khách hàng Nhật Bản.', current: 'Lò sấy đốt dầu và phơi nắng tự nhiên.', wanted: 'Giảm 40% chi phí năng lượng, sản phẩm đạt màu và độ ẩm ổn định.', keywords: ['sấy bơm nhiệt', 'tiết kiệm năng lượng', 'hải sản khô'], items: ['1.4.1'], budget: [1 * ty, 3 * ty, 'VND'], months: 6, forms: ['equipment_with_technology'], countries: ['JP', 'KR'], location: 'Cát Bà, Hải Phòng' }),
  demand({ owner: CB, daysAgo: 50, title: 'Cần vắc-xin phòng bệnh đốm trắng cho tôm thẻ chân trắng', teaser: 'Vùng nuôi tôm 120 ha cần giải pháp phòng bệnh đốm trắng bền vững thay cho kháng sinh, có thể sản xuất trong nước.', problem: 'Dịch đốm trắng gây thiệt hại 30–50% sản lượng mỗi năm.', current: 'Xử lý ao bằng hóa chất, thả giống sạch bệnh.', wanted: 'Tăng tỷ lệ sống trên 60%, chi phí chấp nhận được cho hộ nuôi.', keywords: ['vắc-xin', 'nuôi tôm', 'bệnh thủy sản'], items: ['1.3.4', '1.6.1'], months: 24, forms: ['exclusive_licence', 'joint_venture'], countries: ['US', 'NO'], minTrl: 5, location: 'Tiên Lãng, Hải Phòng' }),
  demand({ owner: CB, daysAgo: 6, title: 'Tận dụng vỏ tôm làm chitosan và collagen', teaser: 'Mỗi năm thải ra 1.500 tấn vỏ tôm, đầu tôm; doanh nghiệp muốn đầu tư dây chuyền thu hồi chitosan, collagen giá trị cao.', problem: 'Phụ phẩm bán rẻ làm thức ăn chăn nuôi, gây mùi và ô nhiễm.', current: 'Thu gom, phơi khô bán cho thương lái.', wanted: 'Dây chuyền 1 tấn nguyên liệu/ngày, sản phẩm đạt chuẩn thực phẩm.', keywords: ['chitosan', 'phụ phẩm thủy sản', 'collagen'], items: ['1.4.2'], budget: [5 * ty, 12 * ty, 'VND'], months: 18, forms: ['non_exclusive_licence', 'capital_contribution'], location: 'Khu công nghiệp Nam Đình Vũ, Hải Phòng', visibility: 'signed_in' }),
  demand({ owner: BD, daysAgo: 16, title: 'Cần hệ thống bảo trì dự đoán cho xưởng máy CNC', teaser: 'Xưởng 40 máy CNC cần giải pháp giám sát rung động, dự đoán hỏng trục chính để giảm dừng máy ngoài kế hoạch.', problem: 'Dừng máy đột xuất 6–8% thời gian, hỏng trục chính chi phí lớn.', current: 'Bảo trì định kỳ theo giờ chạy máy, ghi chép giấy.', wanted: 'Cảnh báo trước ít nhất 1 tuần, tích hợp với phần mềm sản xuất.', keywords: ['bảo trì dự đoán', 'gia công CNC', 'nhà máy thông minh'], items: ['1.2.2', '1.1.1'], budget: [2 * ty, 5 * ty, 'VND'], months: 9, forms: ['non_exclusive_licence', 'consulting_training'], countries: ['DE', 'JP', 'KR'], minTrl: 7, location: 'Khu công nghiệp Tràng Duệ, Hải Phòng' }),
  demand({ owner: BD, daysAgo: 42, title: 'Tìm bí quyết gia công chính xác chi tiết thủy lực', teaser: 'Cần chuyển giao quy trình gia công thân van, thân bơm thủy lực dung sai ±5 µm để cung ứng cho nhà máy ô tô và máy công trình.', problem: 'Tỷ lệ phế phẩm 12%, chưa đạt yêu cầu khách hàng FDI.', current: 'Máy phay CNC 3 trục, đồ gá tự chế.', wanted: 'Giảm phế phẩm dưới 2%, được khách hàng phê duyệt nhà cung cấp.', keywords: ['gia công chính xác', 'thủy lực', 'cơ khí chế tạo'], items: ['1.2.2'], budget: [100_000, 300_000, 'EUR'], months: 12, forms: ['non_exclusive_licence', 'consulting_training'], countries: ['DE'], minTrl: 8, location: 'Khu công nghiệp Tràng Duệ, Hải Phòng' }),
  demand({ owner: BD, daysAgo: 80, title: 'Cần phần mềm quản lý sản xuất (MES) cho doanh nghiệp cơ khí', teaser: 'Doanh nghiệp cơ khí 300 lao động cần phần mềm lập kế hoạch, theo dõi tiến độ và hiệu suất thiết bị theo thời gian thực.', problem: 'Kế hoạch lập bằng Excel, không biết tiến độ đơn hàng.', current: 'Excel và báo cáo giấy cuối ca.', wanted: 'Theo dõi OEE, truy xuất từng lô, giao diện tiếng Việt.', keywords: ['chuyển đổi số', 'phần mềm quản lý sản xuất', 'nhà máy thông minh'], items: ['1.1.2'], budget: [800_000_000, 2 * ty, 'VND'], months: 6, forms: ['non_exclusive_licence', 'consulting_training'], location: 'Khu công nghiệp Tràng Duệ, Hải Phòng' }),
  demand({ owner: TD, daysAgo: 12, title: 'Đầu tư dây chuyền SMT tốc độ cao có kiểm tra quang học tự động', teaser: 'Công ty điện tử cần dây chuyền dán linh kiện bề mặt cho linh kiện 0201, có AOI 3D và truy xuất nguồn gốc.', problem: 'Năng lực hiện tại không đáp ứng đơn hàng xuất khẩu mới.', current: 'Hai dây chuyền SMT cũ, kiểm tra bằng mắt.', wanted: 'Công suất 60.000 linh kiện/giờ, tỷ lệ lỗi dưới 50 ppm.', keywords: ['lắp ráp bo mạch', 'điện tử', 'kiểm tra quang học'], items: ['1.1.3'], budget: [1_000_000, 2_500_000, 'USD'], months: 8, forms: ['equipment_with_technology', 'consulting_training'], countries: ['CN', 'JP', 'KR'], minTrl: 8, location: 'Khu công nghiệp Tràng Duệ, Hải Phòng' }),
  demand({ owner: TD, daysAgo: 35, title: 'Tìm đối tác chuyển giao công nghệ lắp ráp pin lưu trữ năng lượng', teaser: 'Doanh nghiệp muốn sản xuất tủ pin lưu trữ 100–500 kWh cho điện mặt trời áp mái của khu công nghiệp.', problem: 'Nhu cầu lưu trữ điện tăng nhưng chưa làm chủ công nghệ lắp ráp và BMS.', current: 'Nhập khẩu nguyên tủ pin.', wanted: 'Làm chủ lắp ráp module, pack và phần mềm BMS.', keywords: ['lưu trữ năng lượng', 'điện mặt trời áp mái', 'pin'], items: ['1.8.6', '1.1.3'], months: 18, forms: ['non_exclusive_licence', 'joint_venture'], countries: ['CN', 'KR'], location: 'Khu công nghiệp Tràng Duệ, Hải Phòng' }),
  demand({ owner: NT, daysAgo: 9, title: 'Cần sơn chống hà thân thiện môi trường cho tàu biển', teaser: 'Nhà máy đóng tàu cần công nghệ sơn chống hà không chứa chất diệt khuẩn, giảm tiêu hao nhiên liệu cho tàu hàng 20.000 DWT.', problem: 'Chủ tàu châu Âu yêu cầu sơn không độc hại.', current: 'Sơn chống hà gốc đồng nhập khẩu.', wanted: 'Chu kỳ bảo dưỡng 5 năm, giảm nhiên liệu ít nhất 5%.', keywords: ['sơn chống hà', 'đóng tàu', 'tiết kiệm nhiên liệu'], items: ['1.8.2'], months: 12, forms: ['non_exclusive_licence', 'consulting_training'], countries: ['JP', 'NO', 'KR'], minTrl: 8, location: 'Thủy Nguyên, Hải Phòng' }),
  demand({ owner: NT, daysAgo: 31, title: 'Tự động hóa hàn phân đoạn vỏ tàu', teaser: 'Cần robot hàn hoặc xe hàn tự động cho phân đoạn đáy đôi và vách, giảm phụ thuộc thợ hàn bậc cao.', problem: 'Thiếu thợ hàn, tiến độ đóng tàu chậm.', current: 'Hàn tay và bán tự động.', wanted: 'Tăng năng suất hàn gấp 3 lần, đạt tiêu chuẩn đăng kiểm.', keywords: ['hàn vỏ tàu', 'robot hàn', 'đóng tàu'], items: ['1.8.5', '1.2.2'], budget: [6 * ty, 15 * ty, 'VND'], months: 12, forms: ['equipment_with_technology', 'consulting_training'], countries: ['JP', 'KR'], minTrl: 7, location: 'Thủy Nguyên, Hải Phòng' }),
  demand({ owner: NT, daysAgo: 100, title: 'Cần công nghệ xử lý nước la canh (nước đáy tàu) nhiễm dầu', teaser: 'Xưởng sửa chữa tàu cần thiết bị tách dầu khỏi nước la canh đạt dưới 15 ppm trước khi xả.', problem: 'Nước đáy tàu nhiễm dầu phải thuê đơn vị xử lý với chi phí cao.', current: 'Bể lắng gạn dầu thủ công.', wanted: 'Thiết bị tách dầu 5 m³/giờ, đạt yêu cầu MARPOL.', keywords: ['nước nhiễm dầu', 'xử lý nước thải', 'sửa chữa tàu'], items: ['1.7.1', '1.8.2'], budget: [1 * ty, 2.5 * ty, 'VND'], months: 6, forms: ['equipment_with_technology'], location: 'Thủy Nguyên, Hải Phòng' }),
  demand({ owner: DP, daysAgo: 19, title: 'Cần chuyển giao kỹ thuật xét nghiệm PCR nhanh tại chỗ', teaser: 'Doanh nghiệp dược và thiết bị y tế cần công nghệ sản xuất bộ kit PCR nhanh cho bệnh truyền nhiễm phục vụ bệnh viện tuyến huyện.', problem: 'Bệnh viện tuyến huyện phải gửi mẫu lên tuyến trên, mất 2–3 ngày.', current: 'Nhập khẩu kit và máy PCR thông thường.', wanted: 'Kết quả dưới 30 phút, đóng gói hộp thử trong nước.', keywords: ['chẩn đoán bệnh', 'xét nghiệm PCR', 'thiết bị y tế'], items: ['1.6.2'], budget: [10 * ty, 25 * ty, 'VND'], months: 18, forms: ['non_exclusive_licence', 'joint_venture'], countries: ['US', 'KR'], minTrl: 7, location: 'Khu công nghiệp Đình Vũ, Hải Phòng', visibility: 'on_request' }),
  demand({ owner: DP, daysAgo: 58, title: 'Tìm công nghệ bào chế viên nang từ dược liệu đạt GMP', teaser: 'Nhà máy dược cần quy trình chiết xuất cao dược liệu và bào chế viên nang đạt GMP-WHO để mở rộng dòng sản phẩm.', problem: 'Chưa làm chủ quy trình chiết xuất chuẩn hóa hoạt chất.', current: 'Sản xuất viên hoàn, trà túi lọc.', wanted: 'Quy trình chuẩn hóa có hồ sơ đăng ký lưu hành.', keywords: ['dược liệu', 'bào chế', 'GMP'], items: ['1.6.1'], budget: [1 * ty, 3 * ty, 'VND'], months: 12, forms: ['exclusive_licence', 'assignment'], location: 'An Dương, Hải Phòng' }),
  demand({ owner: NN, daysAgo: 24, title: 'Cần nhà màng công nghệ cao trồng rau thủy canh', teaser: 'Hợp tác xã cần nhà màng 2 ha có điều khiển khí hậu và hệ thống tưới nhỏ giọt tự động để trồng cà chua, dưa lưới.', problem: 'Sản xuất ngoài trời bị ảnh hưởng mưa bão, năng suất thấp.', current: 'Nhà lưới đơn giản, tưới thủ công.', wanted: 'Năng suất cà chua trên 250 tấn/ha/năm, đạt VietGAP.', keywords: ['nhà kính', 'thủy canh', 'nông nghiệp công nghệ cao', 'tưới tự động'], items: ['1.3.2', '1.3.3'], budget: [8 * ty, 20 * ty, 'VND'], months: 12, forms: ['equipment_with_technology', 'consulting_training'], countries: ['NL', 'IL'], location: 'Tiên Lãng, Hải Phòng' }),
  demand({ owner: NN, daysAgo: 66, title: 'Tìm giống lúa chịu mặn năng suất cao cho vùng ven biển', teaser: 'Cần giống lúa chịu mặn 4‰, thời gian sinh trưởng ngắn, chất lượng gạo tốt cho vùng ven biển Tiên Lãng, Vĩnh Bảo.', problem: 'Xâm nhập mặn làm giảm 20–30% năng suất vụ xuân.', current: 'Giống lúa thuần địa phương.', wanted: 'Năng suất trên 6 tấn/ha trong điều kiện nhiễm mặn.', keywords: ['giống cây trồng', 'lúa chịu mặn', 'biến đổi khí hậu'], items: ['1.3.1'], months: 24, forms: ['non_exclusive_licence', 'assignment'], location: 'Tiên Lãng, Hải Phòng' }),
  demand({ owner: NN, daysAgo: 5, title: 'Cần máy bay không người lái phun thuốc bảo vệ thực vật', teaser: 'Hợp tác xã 500 ha lúa cần thiết bị bay phun thuốc và bón phân, kèm đào tạo phi công và bảo trì.', problem: 'Thiếu lao động, phun thủ công độc hại và tốn thuốc.', current: 'Phun bình đeo vai.', wanted: 'Phun 20 ha/ngày/máy, giảm 30% lượng thuốc.', keywords: ['máy bay không người lái phun thuốc', 'cơ giới hóa nông nghiệp'], items: ['1.3.2'], budget: [500_000_000, 1.5 * ty, 'VND'], months: 4, forms: ['equipment_with_technology', 'consulting_training'], location: 'Vĩnh Bảo, Hải Phòng', status: 'in_review' }),
  demand({ owner: LG, daysAgo: 14, title: 'Tự động hóa bãi container và điều khiển cẩu từ xa', teaser: 'Cảng cạn và bãi container cần giải pháp điều khiển cẩu RTG từ xa và phần mềm quản lý bãi để tăng năng suất xếp dỡ.', problem: 'Thiếu lái cẩu, năng suất 18 container/giờ/cẩu.', current: 'Cẩu RTG vận hành tại chỗ, điều độ bằng bộ đàm.', wanted: 'Một người vận hành 3–4 cẩu, năng suất trên 25 container/giờ.', keywords: ['tự động hóa cảng', 'bến container', 'logistics'], items: ['1.5.2'], budget: [2_000_000, 5_000_000, 'USD'], months: 18, forms: ['equipment_with_technology', 'consulting_training'], countries: ['KR', 'CN', 'FI'], minTrl: 8, location: 'Khu kinh tế Đình Vũ – Cát Hải, Hải Phòng' }),
  demand({ owner: LG, daysAgo: 47, title: 'Cần công nghệ kho lạnh thông minh cho hàng thủy sản xuất khẩu', teaser: 'Đầu tư kho lạnh 10.000 tấn có giám sát nhiệt độ từ xa, quản lý vị trí hàng tự động và tiết kiệm điện.', problem: 'Kho cũ tiêu thụ điện lớn, hao hụt chất lượng hàng.', current: 'Kho lạnh amoniac đời cũ, quản lý bằng sổ.', wanted: 'Giảm 25% điện năng, truy xuất nhiệt độ từng pallet.', keywords: ['kho lạnh', 'chuỗi cung ứng lạnh', 'logistics'], items: ['1.5.2', '1.4.1'], budget: [40 * ty, 90 * ty, 'VND'], months: 24, forms: ['equipment_with_technology', 'consulting_training'], location: 'Khu công nghiệp Nam Đình Vũ, Hải Phòng' }),
  demand({ owner: XD, daysAgo: 21, title: 'Tìm công nghệ bê tông tính năng siêu cao cho cầu và kè biển', teaser: 'Doanh nghiệp xây dựng hạ tầng cần công nghệ bê tông tính năng siêu cao (UHPC) chịu môi trường biển cho dầm cầu và kè.', problem: 'Kết cấu bê tông ven biển bị ăn mòn cốt thép sau 10–15 năm.', current: 'Bê tông mác 400 thông thường.', wanted: 'Tuổi thọ thiết kế 100 năm, giảm 30% trọng lượng kết cấu.', keywords: ['bê tông', 'vật liệu xây dựng', 'công trình biển'], items: ['1.5.1'], months: 12, forms: ['non_exclusive_licence', 'consulting_training'], countries: ['FR', 'KR', 'JP'], location: 'Hải An, Hải Phòng' }),
  demand({ owner: XD, daysAgo: 73, title: 'Cần giải pháp quan trắc sụt lún và cảnh báo ngập đô thị', teaser: 'Đơn vị thi công và quản lý hạ tầng cần hệ thống cảm biến quan trắc sụt lún, mực nước và cảnh báo ngập cho khu đô thị mới.', problem: 'Ngập úng cục bộ khi triều cường kết hợp mưa lớn.', current: 'Đo thủ công định kỳ.', wanted: 'Dữ liệu thời gian thực, cảnh báo sớm 2 giờ.', keywords: ['quan trắc môi trường', 'cảnh báo ngập', 'đô thị thông minh'], items: ['1.7.3', '1.5.1'], budget: [2 * ty, 6 * ty, 'VND'], months: 10, forms: ['equipment_with_technology', 'consulting_training'], location: 'Thủy Nguyên, Hải Phòng' }),
  demand({ owner: XD, daysAgo: 38, title: 'Cần điện mặt trời áp mái kết hợp lưu trữ cho nhà xưởng', teaser: 'Cần tổng thầu công nghệ lắp điện mặt trời áp mái 2 MWp và hệ lưu trữ cho nhà xưởng cho thuê.', problem: 'Giá điện giờ cao điểm cao, khách thuê yêu cầu năng lượng xanh.', current: 'Mua điện lưới.', wanted: 'Tự cung cấp 30% điện năng, hoàn vốn dưới 7 năm.', keywords: ['điện mặt trời áp mái', 'năng lượng tái tạo', 'lưu trữ năng lượng'], items: ['1.8.6', '1.7.2'], months: 9, forms: ['equipment_with_technology'], location: 'Khu công nghiệp An Dương, Hải Phòng' }),
];

