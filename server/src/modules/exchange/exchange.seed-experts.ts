import type { AVAILABILITIES, INTERMEDIARY_SERVICES } from '../../../../common/src/api/exchange-listings.js';
import { offer, type SeedListing } from './exchange.seed-data.js';

/** Demo expert and intermediary profiles, a few more offers, and the demo connections between the parties. */

interface ExpertSpec {
  owner: string;
  lang: 'vi' | 'en';
  title: string;
  teaser: string;
  expertise: string;
  keywords: string[];
  items: string[];
  countries: string[];
  languages: string[];
  overseas: boolean;
  availability: (typeof AVAILABILITIES)[number];
  publications?: { title: string; year: number; url?: string }[];
  daysAgo: number;
}

function expert(e: ExpertSpec): SeedListing {
  const local = (text: string) => ({ [e.lang]: text });
  return {
    owner: e.owner,
    visibility: 'signed_in',
    status: 'published',
    daysAgo: e.daysAgo,
    content: {
      kind: 'expert',
      originalLanguage: e.lang,
      title: local(e.title),
      teaser: local(e.teaser),
      keywords: e.keywords,
      catalogItemCodes: e.items,
      fileIds: [],
      expertise: local(`<p>${e.expertise}</p>`),
      countries: e.countries,
      languages: e.languages,
      isOverseasVietnamese: e.overseas,
      availability: e.availability,
      availabilityNote: {},
      publications: e.publications ?? [],
      patents: [],
    },
  };
}

function intermediary(i: { owner: string; lang: 'vi' | 'en'; title: string; teaser: string; about: string; keywords: string[]; items: string[]; services: (typeof INTERMEDIARY_SERVICES)[number][]; countries: string[]; website?: string; daysAgo: number }): SeedListing {
  const local = (text: string) => ({ [i.lang]: text });
  return {
    owner: i.owner,
    visibility: 'public',
    status: 'published',
    daysAgo: i.daysAgo,
    content: {
      kind: 'intermediary',
      originalLanguage: i.lang,
      title: local(i.title),
      teaser: local(i.teaser),
      keywords: i.keywords,
      catalogItemCodes: i.items,
      fileIds: [],
      about: local(`<p>${i.about}</p>`),
      services: i.services.map((service) => ({ service, description: {} })),
      countries: i.countries,
      ...(i.website ? { website: i.website } : {}),
    },
  };
}

export const EXPERTS: SeedListing[] = [
  expert({ owner: 'chuyen-gia@demo.cgcn.vn', lang: 'vi', daysAgo: 30, title: 'TS. Đỗ Quang Minh – chuyên gia xử lý nước thải công nghiệp', teaser: '20 năm thiết kế, vận hành hệ thống xử lý nước thải cho khu công nghiệp và nhà máy chế biến thủy sản vùng duyên hải Bắc Bộ.', expertise: 'Công nghệ sinh học hiếu khí, MBBR, MBR; đánh giá tác động môi trường; đào tạo vận hành.', keywords: ['xử lý nước thải', 'môi trường', 'MBR'], items: ['1.7.1'], countries: ['VN'], languages: ['vi', 'en'], overseas: false, availability: 'available', publications: [{ title: 'Xử lý nước thải chế biến thủy sản bằng màng sinh học', year: 2021 }] }),
  expert({ owner: 'chuyen-gia-nhat@demo.cgcn.vn', lang: 'vi', daysAgo: 26, title: 'TS. Nguyễn Hoàng Anh – kiều bào tại Nhật Bản, chuyên gia tự động hóa đóng tàu', teaser: 'Kỹ sư trưởng 15 năm tại nhà máy đóng tàu ở Nagasaki; tư vấn robot hàn, lập trình ngoại tuyến và cải tiến năng suất nhà máy đóng tàu.', expertise: 'Robot hàn, hàn vỏ tàu, quản lý sản xuất tinh gọn trong đóng tàu; cầu nối với doanh nghiệp Nhật Bản.', keywords: ['hàn vỏ tàu', 'robot hàn', 'đóng tàu', 'Nhật Bản'], items: ['1.8.5', '1.2.2'], countries: ['JP', 'VN'], languages: ['vi', 'ja', 'en'], overseas: true, availability: 'limited' }),
  expert({ owner: 'chuyen-gia-duc@demo.cgcn.vn', lang: 'vi', daysAgo: 44, title: 'PGS.TS. Trần Thu Hằng – kiều bào tại Đức, chuyên gia công nghệ sinh học dược', teaser: 'Nghiên cứu viên tại Viện Fraunhofer; chuyên về lên men vi sinh, sản xuất protein tái tổ hợp và đánh giá công nghệ dược phẩm.', expertise: 'Lên men, tinh sạch protein, GMP, chuyển giao công nghệ sản xuất vắc-xin và sinh phẩm.', keywords: ['công nghệ sinh học', 'vắc-xin', 'dược phẩm', 'Đức'], items: ['1.6.1', '1.3.4'], countries: ['DE', 'VN'], languages: ['vi', 'de', 'en'], overseas: true, availability: 'available', publications: [{ title: 'Recombinant subunit vaccines for aquaculture', year: 2022 }] }),
  expert({ owner: 'expert-us@demo.cgcn.vn', lang: 'en', daysAgo: 35, title: 'Dr. Khoa Le – overseas Vietnamese data scientist for smart manufacturing', teaser: 'Principal engineer in Michigan with 12 years in industrial AI: predictive maintenance, machine vision inspection and MES integration for SMEs.', expertise: 'Machine learning for vibration and process data, computer vision for quality inspection, industrial IoT architecture.', keywords: ['predictive maintenance', 'machine vision', 'smart factory', 'artificial intelligence'], items: ['1.1.1', '1.2.1'], countries: ['US', 'VN'], languages: ['en', 'vi'], overseas: true, availability: 'limited' }),
  expert({ owner: 'expert-kr@demo.cgcn.vn', lang: 'en', daysAgo: 60, title: 'Dr. Park Seo-yeon – port logistics and terminal automation', teaser: 'Former head of automation at a Busan container terminal; advises on remote crane operation, yard planning and terminal operating systems.', expertise: 'Terminal automation roadmaps, RTG remote control, TOS selection and tendering.', keywords: ['port automation', 'container terminal', 'logistics'], items: ['1.5.2', '1.8.2'], countries: ['KR', 'VN', 'SG'], languages: ['ko', 'en'], overseas: false, availability: 'available' }),
  expert({ owner: 'vien-bien@demo.cgcn.vn', lang: 'vi', daysAgo: 90, title: 'Nhóm chuyên gia nuôi biển và con giống – Viện Công nghệ Biển Duyên Hải', teaser: 'Nhóm 6 chuyên gia về sinh sản nhân tạo cá biển, nuôi lồng HDPE và quản lý môi trường vùng nuôi, nhận tư vấn cho doanh nghiệp và hợp tác xã.', expertise: 'Sản xuất giống cá song, cá giò; thiết kế lồng nuôi chịu sóng; quan trắc môi trường vùng nuôi.', keywords: ['nuôi trồng thủy sản trên biển', 'con giống thủy sản', 'lồng nuôi'], items: ['1.8.4', '1.3.4'], countries: ['VN'], languages: ['vi'], overseas: false, availability: 'available' }),
  expert({ owner: 'vien-co-khi@demo.cgcn.vn', lang: 'vi', daysAgo: 18, title: 'PGS.TS. Hoàng Văn Tuấn – chuyên gia khuôn mẫu và gia công CNC', teaser: 'Tư vấn thiết kế khuôn, tối ưu quy trình gia công CNC nhiều trục và đào tạo kỹ sư cho doanh nghiệp cơ khí chế tạo.', expertise: 'CAD/CAM, mô phỏng dòng chảy nhựa, đo kiểm 3D, cải tiến năng suất xưởng cơ khí.', keywords: ['khuôn mẫu', 'gia công CNC', 'cơ khí chế tạo'], items: ['1.2.2'], countries: ['VN'], languages: ['vi', 'en'], overseas: false, availability: 'available' }),
  expert({ owner: 'vien-sinh-hoc@demo.cgcn.vn', lang: 'vi', daysAgo: 40, title: 'TS. Lê Thị Hồng Nhung – chuyên gia bảo quản và chế biến nông sản', teaser: 'Chuyên gia công nghệ sau thu hoạch: bảo quản lạnh, bao gói khí quyển điều chỉnh, sấy và chế biến sâu rau quả, thủy sản.', expertise: 'Thiết kế chuỗi lạnh, kiểm soát chất lượng, truy xuất nguồn gốc cho hàng xuất khẩu.', keywords: ['bảo quản sau thu hoạch', 'chuỗi cung ứng lạnh', 'chế biến thực phẩm'], items: ['1.4.1', '1.4.2'], countries: ['VN', 'TH'], languages: ['vi', 'en'], overseas: false, availability: 'limited' }),
];

export const INTERMEDIARIES: SeedListing[] = [
  intermediary({ owner: 'trung-gian@demo.cgcn.vn', lang: 'vi', daysAgo: 100, title: 'Trung tâm Thông tin và Chuyển giao công nghệ Hải Phòng – kết nối cung cầu công nghệ', teaser: 'Tổ chức trung gian của thành phố: tìm kiếm công nghệ, tổ chức chợ công nghệ, hỗ trợ đàm phán và đăng ký hợp đồng chuyển giao công nghệ.', about: 'Hơn 15 năm hỗ trợ doanh nghiệp Hải Phòng đổi mới công nghệ; mạng lưới đối tác trong và ngoài nước.', keywords: ['môi giới công nghệ', 'chợ công nghệ', 'hợp đồng chuyển giao công nghệ'], items: ['1.1.1', '1.2.1', '1.7.1'], services: ['brokerage', 'consulting', 'training', 'legal'], countries: ['VN'] }),
  intermediary({ owner: 'so-huu-tri-tue@demo.cgcn.vn', lang: 'vi', daysAgo: 70, title: 'Dịch vụ sở hữu trí tuệ và định giá công nghệ Hải An', teaser: 'Tra cứu, đăng ký sáng chế, nhãn hiệu; định giá công nghệ phục vụ góp vốn và chuyển nhượng; soạn thảo hợp đồng li-xăng.', about: 'Đại diện sở hữu công nghiệp được Cục Sở hữu trí tuệ công nhận; thẩm định giá công nghệ theo Thông tư 10/2019/TT-BKHCN.', keywords: ['sở hữu trí tuệ', 'định giá công nghệ', 'li-xăng'], items: ['1.1.1'], services: ['intellectual_property', 'valuation', 'legal'], countries: ['VN'] }),
  intermediary({ owner: 'eu-bridge@demo.cgcn.vn', lang: 'en', daysAgo: 45, title: 'EU–Vietnam Technology Bridge – European partners for Vietnamese enterprises', teaser: 'Finds European technology suppliers, organises B2B missions and supports due diligence, financing and licensing for Vietnamese buyers.', about: 'Network partner for technology transfer between the EU and Vietnam; offices in Rotterdam and Hải Phòng.', keywords: ['technology brokerage', 'European partners', 'technology financing'], items: ['1.7.1', '1.3.2', '1.8.6'], services: ['brokerage', 'financing', 'consulting'], countries: ['NL', 'DE', 'FI', 'VN'], website: 'https://example.org/eu-vn-bridge' }),
  intermediary({ owner: 'trung-gian@demo.cgcn.vn', lang: 'vi', daysAgo: 15, title: 'Phòng thử nghiệm, đo lường hỗ trợ doanh nghiệp đổi mới công nghệ', teaser: 'Thử nghiệm vật liệu, đo lường hiệu chuẩn và đánh giá trình độ công nghệ dây chuyền sản xuất trước và sau chuyển giao.', about: 'Phòng thử nghiệm đạt ISO/IEC 17025; đánh giá trình độ công nghệ theo Thông tư 17/2019/TT-BKHCN.', keywords: ['thử nghiệm', 'đo lường', 'đánh giá trình độ công nghệ'], items: ['1.2.1', '1.5.1'], services: ['testing', 'consulting'], countries: ['VN'] }),
  intermediary({ owner: 'eu-bridge@demo.cgcn.vn', lang: 'en', daysAgo: 130, title: 'Green finance and technology due diligence for climate projects', teaser: 'Prepares bankable technology transfer projects in renewable energy and wastewater for EU green credit lines and blended finance.', about: 'Technical due diligence, financial models and grant applications for climate technology projects in Vietnam.', keywords: ['green finance', 'renewable energy', 'wastewater treatment'], items: ['1.7.2', '1.8.6'], services: ['financing', 'valuation'], countries: ['NL', 'VN'] }),
];

/** More offers: marine renewable energy, construction materials and an on-request pharmaceutical process. */
export const MORE_OFFERS: SeedListing[] = [
  offer({ owner: 'rhein-automation@demo.cgcn.vn', lang: 'en', country: 'DE', daysAgo: 27, title: 'Offshore wind foundation welding and coating know-how', teaser: 'Procedures and automation for welding monopile and jacket foundations and for their corrosion protection in splash zones.', detail: 'Qualified welding procedures, submerged-arc tandem welding lines and thermal spray zinc-aluminium coating.', keywords: ['offshore wind power', 'welding', 'corrosion protection'], items: ['1.8.6', '1.8.5'], trl: 9, object: 'know_how', forms: ['non_exclusive_licence', 'consulting_training', 'joint_venture'] }),
  offer({ owner: 'kansai-marine@demo.cgcn.vn', lang: 'en', country: 'JP', daysAgo: 36, title: 'Ultra-high performance concrete for marine structures', teaser: 'UHPC mix design and precasting technology for bridge girders, seawalls and pier decks with a 100-year design life in seawater.', detail: 'Mix design with local aggregates, steam curing, precast plant layout and design guidelines.', keywords: ['ultra-high performance concrete', 'marine structures', 'construction materials'], items: ['1.5.1'], trl: 9, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], ip: [{ type: 'invention_patent', number: 'JP 6543210', territory: ['JP'], status: 'granted' }], price: [20_000_000, 60_000_000, 'JPY'] }),
  offer({ owner: 'lakes-biotech@demo.cgcn.vn', lang: 'en', country: 'US', daysAgo: 64, title: 'Standardised botanical extract manufacturing under GMP', teaser: 'Process validation package for standardised herbal extracts and capsules: extraction, spray drying, marker assays and stability studies.', detail: 'HPLC marker methods, validation protocols and tech transfer documents for GMP-WHO and PIC/S plants.', keywords: ['herbal extract', 'pharmaceutical manufacturing', 'GMP'], items: ['1.6.1'], trl: 8, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], visibility: 'on_request', price: [80_000, 200_000, 'USD'] }),
  offer({ owner: 'delta-agritech@demo.cgcn.vn', lang: 'en', country: 'NL', daysAgo: 11, title: 'Salt-tolerant rice breeding lines and seed production protocol', teaser: 'Marker-assisted rice lines tolerating 4–6‰ salinity at seedling and flowering stages, with a seed multiplication protocol for coastal deltas.', detail: 'Material transfer, field trial design and seed certification support.', keywords: ['salt-tolerant rice', 'plant variety', 'climate change adaptation'], items: ['1.3.1'], trl: 7, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], ip: [{ type: 'plant_variety', territory: ['NL'], status: 'pending' }] }),
];

/** Demo connections: the demand's owner expresses interest in an offer (found by title), answered, with messages and outcomes. */
export interface SeedConnection {
  offerTitle: string;
  demandTitle: string | null;
  initiator: string;
  status: 'pending' | 'accepted' | 'declined';
  daysAgo: number;
  cooperation: string;
  missing: string;
  about: string;
  messages: { side: 'owner' | 'initiator'; body: string }[];
  outcomes: { outcome: 'no_deal' | 'meeting_held' | 'mou_signed' | 'contract_signed'; daysAgo: number; note: string }[];
}

export const CONNECTIONS: SeedConnection[] = [
  {
    offerTitle: 'Membrane bioreactor for seafood processing effluent',
    demandTitle: 'Cần công nghệ xử lý nước thải nhà máy chế biến thủy sản đạt cột A',
    initiator: 'thuy-san@demo.cgcn.vn',
    status: 'accepted',
    daysAgo: 34,
    cooperation: 'Supply of a 600 m³/day MBR plant with technology licence and operator training for our seafood plant in Nam Đình Vũ.',
    missing: 'Operating cost per m³ with Vietnamese electricity prices; references in tropical climates.',
    about: 'Cat Ba Green Seafood processes 12,000 t of fish and squid a year for Japan and the EU.',
    messages: [
      { side: 'owner', body: 'Thank you for your interest. Operating cost is about 0.35 EUR/m³ at your salinity; we attach references from Thailand and Norway.' },
      { side: 'initiator', body: 'Cảm ơn quý công ty. Chúng tôi đề nghị họp trực tuyến tuần sau với bộ phận kỹ thuật, có phiên dịch tiếng Anh.' },
      { side: 'owner', body: 'Tuesday 10:00 Hà Nội time works for us. We will bring our process engineer.' },
      { side: 'initiator', body: 'We have reviewed the offer and would like to proceed with the licence and equipment contract.' },
    ],
    outcomes: [
      { outcome: 'meeting_held', daysAgo: 25, note: 'Online meeting with both technical teams; site data shared.' },
      { outcome: 'mou_signed', daysAgo: 15, note: 'MoU for a 600 m³/day plant; pilot test on site.' },
      { outcome: 'contract_signed', daysAgo: 3, note: 'Technology transfer contract signed; registration with DOST to follow.' },
    ],
  },
  {
    offerTitle: 'Robotic hull block welding cell for small and medium shipyards',
    demandTitle: 'Tự động hóa hàn phân đoạn vỏ tàu',
    initiator: 'dong-tau@demo.cgcn.vn',
    status: 'accepted',
    daysAgo: 28,
    cooperation: 'Two welding cells for double-bottom blocks, with offline programming from our 3D models and training for 10 welders.',
    missing: 'Compatibility with our ShipConstructor models; delivery time.',
    about: 'Nam Trieu Shipbuilding builds bulk carriers up to 50,000 DWT in Thủy Nguyên.',
    messages: [
      { side: 'owner', body: 'ShipConstructor export is supported through our converter. Delivery is five months after order.' },
      { side: 'initiator', body: 'Chúng tôi muốn mời đoàn kỹ sư sang khảo sát nhà máy trong tháng tới.' },
    ],
    outcomes: [{ outcome: 'meeting_held', daysAgo: 12, note: 'Site survey at the shipyard in Thủy Nguyên.' }],
  },
  {
    offerTitle: 'Predictive maintenance platform for CNC machine tools',
    demandTitle: 'Cần hệ thống bảo trì dự đoán cho xưởng máy CNC',
    initiator: 'doanh-nghiep@demo.cgcn.vn',
    status: 'accepted',
    daysAgo: 60,
    cooperation: 'Pilot on 10 CNC machines, then roll-out to the whole workshop with a licence.',
    missing: 'Price of the pilot; data ownership.',
    about: 'Bach Dang Precision Engineering machines hydraulic and automotive parts for FDI customers.',
    messages: [
      { side: 'owner', body: 'The pilot costs 18,000 EUR including sensors; all machine data stays on your premises.' },
      { side: 'initiator', body: 'Sau khi cân nhắc, chúng tôi sẽ ưu tiên đầu tư máy mới năm nay và tạm dừng dự án.' },
    ],
    outcomes: [{ outcome: 'no_deal', daysAgo: 40, note: 'Investment postponed to next year.' }],
  },
  {
    offerTitle: 'High-speed SMT line with automated optical inspection',
    demandTitle: 'Đầu tư dây chuyền SMT tốc độ cao có kiểm tra quang học tự động',
    initiator: 'dien-tu@demo.cgcn.vn',
    status: 'accepted',
    daysAgo: 7,
    cooperation: 'One complete SMT line with AOI and MES traceability, installation and process engineering support.',
    missing: 'Spare parts lead time in Vietnam.',
    about: 'Trang Due Electronics assembles control boards for home appliances.',
    messages: [{ side: 'owner', body: 'Spare parts are stocked in Hà Nội and delivered within 48 hours.' }],
    outcomes: [{ outcome: 'meeting_held', daysAgo: 2, note: 'Visit to a reference line.' }],
  },
  {
    offerTitle: 'Climate-controlled greenhouse with hydroponic vegetable production',
    demandTitle: 'Cần nhà màng công nghệ cao trồng rau thủy canh',
    initiator: 'nong-nghiep@demo.cgcn.vn',
    status: 'pending',
    daysAgo: 4,
    cooperation: 'A 2 ha greenhouse for tomatoes and melons with fertigation and two seasons of agronomy coaching.',
    missing: 'Cooling performance in Hải Phòng summers; typhoon resistance of the structure.',
    about: 'Tien Lang High-Tech Agriculture cooperative farms 80 ha of vegetables and rice.',
    messages: [],
    outcomes: [],
  },
  {
    offerTitle: 'Recombinant veterinary vaccine against white spot syndrome in shrimp',
    demandTitle: 'Cần vắc-xin phòng bệnh đốm trắng cho tôm thẻ chân trắng',
    initiator: 'thuy-san@demo.cgcn.vn',
    status: 'declined',
    daysAgo: 45,
    cooperation: 'Exclusive licence for northern Vietnam and local production of the feed-coated vaccine.',
    missing: 'Field trial data in brackish ponds.',
    about: 'Cat Ba Green Seafood also runs 120 ha of shrimp ponds in Tiên Lãng.',
    messages: [],
    outcomes: [],
  },
];
