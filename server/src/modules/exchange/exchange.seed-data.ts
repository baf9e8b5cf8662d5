import type { Currency, ListingContent, TechnologyObject, TransferForm, Visibility } from '../../../../common/src/api/exchange-listings.js';

/**
 * Demo listings of the technology exchange (builders and the offers; demands, profiles and connections are in
 * exchange.seed-profiles.ts). Fictional organisations and numbers; real technologies and terminology, so search,
 * the glossary and matching have something true to work on.
 */
export interface SeedListing {
  /** The owner's demo account e-mail. */
  owner: string;
  visibility: Visibility;
  /** published (approved by a DOST officer) or in_review (submitted, waiting). */
  status: 'published' | 'in_review';
  /** Days before the seed day on which it was published (or submitted). */
  daysAgo: number;
  content: ListingContent;
}

type Ip = { type: 'invention_patent' | 'utility_solution' | 'industrial_design' | 'trademark' | 'copyright_software' | 'trade_secret' | 'plant_variety' | 'none'; number?: string; territory?: string[]; status: 'granted' | 'pending' | 'expired' | 'not_filed' };

export interface OfferSpec {
  owner: string;
  lang: 'en' | 'vi';
  country: string;
  title: string;
  teaser: string;
  detail: string;
  keywords: string[];
  items: string[];
  trl: number;
  object: TechnologyObject;
  forms: TransferForm[];
  ip?: Ip[];
  price?: [number, number, Currency];
  visibility?: Visibility;
  status?: 'published' | 'in_review';
  daysAgo: number;
}

const paragraphs = (text: string) => text.split('\n').map((p) => `<p>${p}</p>`).join('');

export function offer(o: OfferSpec): SeedListing {
  const local = (text: string) => ({ [o.lang]: text });
  return {
    owner: o.owner,
    visibility: o.visibility ?? 'public',
    status: o.status ?? 'published',
    daysAgo: o.daysAgo,
    content: {
      kind: 'offer',
      originalLanguage: o.lang,
      title: local(o.title),
      teaser: local(o.teaser),
      keywords: o.keywords,
      catalogItemCodes: o.items,
      fileIds: [],
      description: local(paragraphs(o.detail)),
      technologyObject: o.object,
      trl: o.trl,
      intellectualProperty: (o.ip ?? []).map((ip) => ({ ...ip, territory: ip.territory ?? [] })),
      transferForms: o.forms,
      price: o.price ? { kind: 'range', min: o.price[0], max: o.price[1], currency: o.price[2] } : { kind: 'negotiable' },
      countryOfOrigin: o.country,
    },
  };
}

const NORDIC = 'nordic-water@demo.cgcn.vn';
const KANSAI = 'kansai-marine@demo.cgcn.vn';
const RHEIN = 'rhein-automation@demo.cgcn.vn';
const LAKES = 'lakes-biotech@demo.cgcn.vn';
const DELTA = 'delta-agritech@demo.cgcn.vn';
const BRIGHTWAY = 'brightway@demo.cgcn.vn';
const HANBIT = 'supplier@demo.cgcn.vn';
const VIEN_BIEN = 'vien-bien@demo.cgcn.vn';
const VIEN_CO_KHI = 'vien-co-khi@demo.cgcn.vn';
const VIEN_SINH_HOC = 'vien-sinh-hoc@demo.cgcn.vn';

/** Offers in English from abroad. The first one matches the seafood wastewater demand only through the glossary. */
export const FOREIGN_OFFERS: SeedListing[] = [
  offer({ owner: NORDIC, lang: 'en', country: 'FI', daysAgo: 40, title: 'Membrane bioreactor for seafood processing effluent', teaser: 'Compact MBR plant treating high-salinity, protein-rich effluent from fish and shrimp processing plants to discharge standards, with sludge reduced by a third.', detail: 'Submerged hollow-fibre membranes (0.04 µm) after anoxic and aerobic stages; 200–2,000 m³/day modules in containers.\nReference plants in Finland and Norway; operator training and remote monitoring included.', keywords: ['wastewater treatment', 'industrial wastewater', 'membrane bioreactor', 'seafood processing'], items: ['1.7.1', '1.4.1'], trl: 9, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'non_exclusive_licence', 'consulting_training'], ip: [{ type: 'invention_patent', number: 'FI 128456 B', territory: ['FI', 'SE', 'NO'], status: 'granted' }], price: [180_000, 650_000, 'EUR'] }),
  offer({ owner: NORDIC, lang: 'en', country: 'FI', daysAgo: 75, title: 'Online water quality sensors with early warning for coastal aquaculture', teaser: 'Solar-powered buoys measuring dissolved oxygen, salinity, pH, ammonia and algal pigments every five minutes, with SMS alerts before oxygen crashes.', detail: 'Optical DO and fluorescence sensors with automatic wiper cleaning; LoRaWAN or 4G uplink; cloud dashboard in Vietnamese and English.', keywords: ['environmental monitoring', 'aquaculture', 'water quality', 'IoT'], items: ['1.7.3', '1.8.4'], trl: 8, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training'], price: [12_000, 45_000, 'EUR'] }),
  offer({ owner: KANSAI, lang: 'en', country: 'JP', daysAgo: 12, title: 'Low-friction silicone antifouling coating for ship hulls', teaser: 'Biocide-free fouling-release hull coating that cuts fuel consumption by up to 8% and lasts a 60-month docking cycle.', detail: 'Two-coat silicone system applied over epoxy primer; class-approved; application training for shipyard painters.', keywords: ['antifouling coating', 'ship hull', 'fuel saving', 'shipbuilding'], items: ['1.8.2', '1.2.1'], trl: 9, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], ip: [{ type: 'invention_patent', number: 'JP 6912345', territory: ['JP', 'KR', 'CN'], status: 'granted' }], visibility: 'on_request' }),
  offer({ owner: KANSAI, lang: 'en', country: 'JP', daysAgo: 90, title: 'Robotic hull block welding cell for small and medium shipyards', teaser: 'Portable welding robots for double-bottom and hull blocks, programmed from the 3D model without teaching, raising welding productivity threefold.', detail: 'Two collaborative arms on rails, seam tracking by laser sensor, offline programming from AVEVA/NAPA data.', keywords: ['hull welding', 'welding robot', 'shipyard', 'automatic welding'], items: ['1.8.5', '1.2.2'], trl: 8, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training', 'joint_venture'], price: [35_000_000, 90_000_000, 'JPY'] }),
  offer({ owner: KANSAI, lang: 'en', country: 'JP', daysAgo: 25, title: 'Heat pump drying of fish and squid with controlled humidity', teaser: 'Closed-loop heat pump dryers that dry squid, anchovy and shrimp at 35–45 °C, keeping colour and cutting energy use by half compared with oil-fired dryers.', detail: 'Batch chambers of 500 kg to 3 t; recipe control per product; stainless steel construction for salt environments.', keywords: ['heat pump drying', 'dried seafood', 'energy saving'], items: ['1.4.1'], trl: 9, object: 'machinery_with_technology', forms: ['equipment_with_technology'], price: [40_000, 220_000, 'USD'] }),
  offer({ owner: RHEIN, lang: 'en', country: 'DE', daysAgo: 33, title: 'Predictive maintenance platform for CNC machine tools', teaser: 'Retrofit vibration and spindle-current sensors with machine-learning models that predict bearing and tool failures two weeks ahead.', detail: 'Edge gateway with OPC UA and MTConnect; works with Fanuc, Siemens and Heidenhain controls; on-premise or cloud.', keywords: ['predictive maintenance', 'CNC machining', 'industrial IoT', 'smart factory'], items: ['1.1.1', '1.2.2'], trl: 8, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], ip: [{ type: 'copyright_software', territory: ['DE'], status: 'granted' }], price: [25_000, 120_000, 'EUR'] }),
  offer({ owner: RHEIN, lang: 'en', country: 'DE', daysAgo: 150, title: 'Five-axis precision machining know-how for hydraulic components', teaser: 'Process know-how, fixtures and CAM templates for machining valve blocks and pump housings to ±5 µm on five-axis centres.', detail: 'Includes tool libraries, measurement plans and a six-month coaching programme at the licensee’s plant.', keywords: ['five-axis machining', 'precision mechanics', 'hydraulics'], items: ['1.2.2'], trl: 9, object: 'know_how', forms: ['exclusive_licence', 'non_exclusive_licence', 'consulting_training'], visibility: 'signed_in', price: [150_000, 400_000, 'EUR'] }),
  offer({ owner: LAKES, lang: 'en', country: 'US', daysAgo: 18, title: 'Recombinant veterinary vaccine against white spot syndrome in shrimp', teaser: 'Oral feed-coated subunit vaccine that raises shrimp survival against white spot syndrome virus from 30% to over 70% in pond trials.', detail: 'Produced in yeast expression system; technology package covers strain, fermentation, formulation and quality control.', keywords: ['veterinary vaccine', 'shrimp farming', 'white spot', 'biotechnology'], items: ['1.3.4', '1.6.1'], trl: 6, object: 'process_design_formula_software_data', forms: ['exclusive_licence', 'joint_venture'], ip: [{ type: 'invention_patent', number: 'US 11,234,567 B2', territory: ['US'], status: 'granted' }, { type: 'invention_patent', number: 'PCT/US2023/012345', territory: ['VN', 'TH', 'ID'], status: 'pending' }], visibility: 'on_request' }),
  offer({ owner: LAKES, lang: 'en', country: 'US', daysAgo: 60, title: 'Rapid PCR point-of-care test kits for infectious diseases', teaser: 'Portable real-time PCR analyser and freeze-dried reagent cartridges giving results in 25 minutes at district hospitals.', detail: 'Panels for dengue, influenza A/B and tuberculosis; local cartridge filling can be transferred with the know-how.', keywords: ['medical diagnosis', 'PCR test', 'medical equipment'], items: ['1.6.2'], trl: 8, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'non_exclusive_licence', 'consulting_training'], price: [300_000, 900_000, 'USD'] }),
  offer({ owner: DELTA, lang: 'en', country: 'NL', daysAgo: 22, title: 'Climate-controlled greenhouse with hydroponic vegetable production', teaser: 'Turnkey high-tech greenhouse for tomatoes, cucumbers and leafy greens with drip fertigation and automated climate control adapted to tropical summers.', detail: 'Pad-and-fan cooling, insect netting, substrate gutters and a climate computer; agronomy coaching for two seasons.', keywords: ['greenhouse', 'hydroponics', 'high-tech agriculture', 'irrigation automation'], items: ['1.3.2', '1.3.3'], trl: 9, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training'], price: [250_000, 1_500_000, 'EUR'] }),
  offer({ owner: DELTA, lang: 'en', country: 'NL', daysAgo: 120, title: 'Recirculating aquaculture system for grouper and seabass', teaser: 'Land-based RAS with drum filters, moving-bed biofilters and UV disinfection, producing 100 t of marine fish a year on one hectare with 95% water reuse.', detail: 'Design, equipment, commissioning and a 12-month farm management programme.', keywords: ['recirculating aquaculture system', 'marine fish', 'aquaculture'], items: ['1.8.4', '1.3.4'], trl: 9, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training', 'joint_venture'], price: [800_000, 2_400_000, 'EUR'] }),
  offer({ owner: BRIGHTWAY, lang: 'en', country: 'CN', daysAgo: 8, title: 'High-speed SMT line with automated optical inspection', teaser: 'Complete surface-mount line (printer, two placement heads, reflow oven, 3D AOI) for 0201 components at 80,000 CPH, with MES traceability.', detail: 'Line layout, programming and process engineers on site for three months; spare parts depot in Hà Nội.', keywords: ['SMT', 'PCB assembly', 'electronics manufacturing', 'AOI'], items: ['1.1.3'], trl: 9, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training'], price: [6_000_000, 15_000_000, 'CNY'] }),
  offer({ owner: BRIGHTWAY, lang: 'en', country: 'CN', daysAgo: 48, title: 'Lithium iron phosphate battery pack assembly for energy storage', teaser: 'Module and pack assembly technology for 100–500 kWh LFP storage cabinets with battery management system firmware.', detail: 'Laser welding of busbars, end-of-line testing and BMS firmware under licence.', keywords: ['energy storage', 'battery pack', 'renewable energy'], items: ['1.8.6', '1.1.3'], trl: 8, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'joint_venture'], ip: [{ type: 'utility_solution', number: 'CN 2022 2 0123456.7', territory: ['CN'], status: 'granted' }] }),
  offer({ owner: HANBIT, lang: 'en', country: 'KR', daysAgo: 15, title: 'Smart factory MES for small and medium manufacturers', teaser: 'Cloud manufacturing execution system with production scheduling, OEE dashboards and barcode traceability, deployable in eight weeks.', detail: 'Korean government smart-factory reference; Vietnamese user interface; integration with ERP through REST APIs.', keywords: ['smart factory', 'MES', 'digital transformation', 'production management software'], items: ['1.1.2', '1.2.1'], trl: 9, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], price: [30_000, 150_000, 'USD'] }),
  offer({ owner: HANBIT, lang: 'en', country: 'KR', daysAgo: 55, title: 'Automated container yard crane remote operation system', teaser: 'Remote operation and automation kit for rubber-tyred gantry cranes, letting one operator run four cranes from a control room.', detail: 'Retrofit of cameras, positioning and anti-sway control; yard management interface to the terminal operating system.', keywords: ['port automation', 'container terminal', 'logistics'], items: ['1.5.2', '1.8.2'], trl: 8, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training'], price: [1_200_000_000, 3_500_000_000, 'KRW'], status: 'in_review' }),
];

/** Offers in Vietnamese from domestic institutes. */
export const DOMESTIC_OFFERS: SeedListing[] = [
  offer({ owner: VIEN_BIEN, lang: 'vi', country: 'VN', daysAgo: 20, title: 'Quy trình sản xuất giống cá song (cá mú) trân châu nhân tạo', teaser: 'Quy trình cho cá bố mẹ sinh sản nhân tạo và ương giống cá song trân châu đạt tỷ lệ sống trên 15%, phù hợp vùng ven biển Hải Phòng và Quảng Ninh.', detail: 'Nuôi vỗ cá bố mẹ, kích thích sinh sản bằng hormone, ương ấu trùng bằng thức ăn sống giàu HUFA.\nChuyển giao kèm đào tạo kỹ thuật viên 6 tháng tại trại.', keywords: ['con giống thủy sản', 'cá song', 'nuôi trồng thủy sản trên biển'], items: ['1.8.4', '1.3.1'], trl: 7, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], price: [800_000_000, 1_500_000_000, 'VND'] }),
  offer({ owner: VIEN_BIEN, lang: 'vi', country: 'VN', daysAgo: 65, title: 'Công nghệ chiết xuất chitosan từ vỏ tôm, cua', teaser: 'Quy trình tách chitin và sản xuất chitosan độ deacetyl trên 85% từ phụ phẩm vỏ tôm, dùng cho dược phẩm, mỹ phẩm và bảo quản thực phẩm.', detail: 'Khử khoáng, khử protein bằng enzyme thay kiềm đặc, giảm 60% lượng nước thải; công suất thiết kế 200 kg/ngày.', keywords: ['chitosan', 'phụ phẩm thủy sản', 'chế biến thủy sản'], items: ['1.4.2', '1.6.1'], trl: 6, object: 'process_design_formula_software_data', forms: ['exclusive_licence', 'capital_contribution'], ip: [{ type: 'utility_solution', number: '2-0002345', territory: ['VN'], status: 'granted' }], visibility: 'on_request' }),
  offer({ owner: VIEN_BIEN, lang: 'vi', country: 'VN', daysAgo: 110, title: 'Hệ thống phao quan trắc môi trường biển tự động', teaser: 'Phao quan trắc đo nhiệt độ, độ mặn, oxy hòa tan và sóng, truyền dữ liệu thời gian thực phục vụ cảnh báo môi trường vùng nuôi và cảng biển.', detail: 'Vỏ phao composite, năng lượng mặt trời, truyền dữ liệu 4G; phần mềm cảnh báo ngưỡng.', keywords: ['quan trắc môi trường', 'cảnh báo thiên tai', 'biển'], items: ['1.7.3'], trl: 7, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training'], price: [450_000_000, 900_000_000, 'VND'] }),
  offer({ owner: VIEN_CO_KHI, lang: 'vi', country: 'VN', daysAgo: 30, title: 'Máy hàn tự động đường hàn dài cho kết cấu thép', teaser: 'Xe hàn tự động chạy ray, hàn hồ quang dưới lớp thuốc cho dầm và vỏ tàu, năng suất gấp 4 lần hàn tay, chất lượng mối hàn ổn định.', detail: 'Bộ điều khiển PLC, cảm biến bám đường hàn; chế tạo trong nước, bảo hành 24 tháng.', keywords: ['hàn tự động', 'hàn hồ quang', 'kết cấu thép'], items: ['1.2.1', '1.8.5'], trl: 8, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'consulting_training'], price: [350_000_000, 600_000_000, 'VND'] }),
  offer({ owner: VIEN_CO_KHI, lang: 'vi', country: 'VN', daysAgo: 95, title: 'Thiết kế và chế tạo khuôn ép nhựa chính xác cho linh kiện ô tô', teaser: 'Giải pháp thiết kế khuôn bằng mô phỏng dòng chảy, gia công CNC và xử lý nhiệt, rút ngắn thời gian làm khuôn còn 6 tuần.', detail: 'Chuyển giao quy trình thiết kế, bộ tiêu chuẩn khuôn và đào tạo kỹ sư.', keywords: ['khuôn mẫu', 'ép nhựa', 'linh kiện ô tô', 'gia công CNC'], items: ['1.2.2'], trl: 8, object: 'know_how', forms: ['non_exclusive_licence', 'consulting_training'] }),
  offer({ owner: VIEN_CO_KHI, lang: 'vi', country: 'VN', daysAgo: 140, title: 'Robot phun sơn vỏ tàu và kết cấu thép khổ lớn', teaser: 'Robot phun sơn chạy trên xe nâng, lập trình theo mô hình 3D, giảm 30% lượng sơn hao hụt và bảo vệ sức khỏe công nhân.', detail: 'Đầu phun không khí, hệ thống hút bụi sơn; đã thử nghiệm tại nhà máy đóng tàu.', keywords: ['robot công nghiệp', 'sơn vỏ tàu', 'đóng tàu'], items: ['1.8.5', '1.2.1'], trl: 6, object: 'machinery_with_technology', forms: ['equipment_with_technology', 'joint_venture'], status: 'in_review' }),
  offer({ owner: VIEN_SINH_HOC, lang: 'vi', country: 'VN', daysAgo: 14, title: 'Chế phẩm sinh học xử lý đáy ao nuôi tôm', teaser: 'Chế phẩm vi sinh Bacillus và Lactobacillus phân hủy bùn đáy, giảm khí độc NH3 và H2S, giúp tôm nuôi ít bệnh, giảm dùng kháng sinh.', detail: 'Quy trình lên men, phối trộn, đóng gói dạng bột và dạng lỏng; công suất 50 tấn/năm.', keywords: ['chế phẩm sinh học', 'nuôi tôm', 'công nghệ sinh học'], items: ['1.3.4', '1.7.2'], trl: 8, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'], price: [300_000_000, 700_000_000, 'VND'] }),
  offer({ owner: VIEN_SINH_HOC, lang: 'vi', country: 'VN', daysAgo: 52, title: 'Công nghệ bảo quản vải thiều và nhãn tươi bằng màng bao gói khí quyển điều chỉnh', teaser: 'Kéo dài thời gian bảo quản vải, nhãn tươi lên 30 ngày ở 4 °C, giữ màu vỏ, phục vụ xuất khẩu bằng đường biển.', detail: 'Xử lý sơ bộ, màng MAP, kho lạnh; hướng dẫn quản lý chuỗi cung ứng lạnh.', keywords: ['bảo quản sau thu hoạch', 'kho lạnh', 'chuỗi cung ứng lạnh', 'trái cây xuất khẩu'], items: ['1.4.1', '1.4.2'], trl: 7, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence', 'consulting_training'] }),
  offer({ owner: VIEN_SINH_HOC, lang: 'vi', country: 'VN', daysAgo: 85, title: 'Quy trình sản xuất viên nang cao chè vằng hỗ trợ điều trị', teaser: 'Quy trình chiết xuất, cô đặc và bào chế viên nang từ dược liệu chè vằng đạt tiêu chuẩn GMP, đã có hồ sơ tiêu chuẩn cơ sở.', detail: 'Chiết xuất bằng ethanol 50%, cô chân không, tạo cốm và đóng nang.', keywords: ['dược liệu', 'bào chế', 'viên nang', 'GMP'], items: ['1.6.1'], trl: 7, object: 'process_design_formula_software_data', forms: ['exclusive_licence', 'assignment'], visibility: 'signed_in', price: [1_200_000_000, 2_000_000_000, 'VND'] }),
  offer({ owner: 'dong-tau@demo.cgcn.vn', lang: 'vi', country: 'VN', daysAgo: 70, title: 'Quy trình đóng mới tàu vỏ nhôm cao tốc chở khách', teaser: 'Bí quyết thiết kế, hàn nhôm và lắp ráp tàu cao tốc vỏ nhôm 50–200 khách phục vụ du lịch biển Cát Bà, Hạ Long.', detail: 'Quy trình hàn MIG nhôm, kiểm tra không phá hủy, thử đường dài; đăng kiểm VR.', keywords: ['tàu vỏ nhôm', 'du lịch biển', 'đóng tàu'], items: ['1.8.1', '1.8.5'], trl: 9, object: 'know_how', forms: ['non_exclusive_licence', 'joint_venture'] }),
  offer({ owner: 'dien-tu@demo.cgcn.vn', lang: 'vi', country: 'VN', daysAgo: 45, title: 'Phần mềm quản lý chất lượng dây chuyền lắp ráp điện tử', teaser: 'Phần mềm thu thập dữ liệu kiểm tra AOI, ICT và truy xuất nguồn gốc từng bo mạch, báo cáo tỷ lệ lỗi theo ca.', detail: 'Chạy trên máy chủ nội bộ, giao diện tiếng Việt, kết nối máy kiểm tra qua tệp và cơ sở dữ liệu.', keywords: ['phần mềm', 'quản lý chất lượng', 'điện tử', 'truy xuất nguồn gốc'], items: ['1.1.2', '1.1.3'], trl: 9, object: 'process_design_formula_software_data', forms: ['non_exclusive_licence'], ip: [{ type: 'copyright_software', number: '1234/2024/QTG', territory: ['VN'], status: 'granted' }], price: [150_000_000, 400_000_000, 'VND'] }),
];
