import type { CompleteDossier, DossierPayment, UsedEquipmentItem } from '../../../../common/src/api/registration-dossier.js';

/**
 * Demo registrations (fictional parties; enterprise codes use the 0000 prefix no real enterprise has). Each entry is
 * filed, processed and decided through the module's own services by registration.seed.ts, in this order, so the
 * price comparison of later entries sees the earlier registered ones.
 */

export type DemoOutcome = 'issued' | 'revoked' | 'refused' | 'draft' | 'submitted' | 'supplement_requested' | 'in_review' | 'certificate_drafted';

export interface DemoTransferee {
  name: string;
  enterpriseCode: string;
  address: string;
  representativeName: string;
}

export interface DemoRegistration {
  key: string;
  /** Demo account (e-mail) of the filer; its organisation is the transferee. */
  filer: string;
  outcome: DemoOutcome;
  /** DOST officer handling it (e-mail). */
  officer: string;
  data: (transferee: DemoTransferee, today: string) => CompleteDossier;
}

const RATE = { USD: 25_400, EUR: 27_600, JPY: 170, KRW: 18.5, CNY: 3_520, VND: 1 } as const;
type Currency = keyof typeof RATE;

interface Spec {
  transferor: [name: string, country: string, address: string, registrationNumber: string, representative: string];
  contract: [name: string, number: string, signedDaysAgo: number, language: CompleteDossier['contract']['language']];
  technology: [name: string, description: string, products: string, vsicCode: string];
  objects?: CompleteDossier['technology']['objects'];
  form?: CompleteDossier['transfer']['form'];
  rights?: CompleteDossier['transfer']['rights'];
  exclusivity?: CompleteDossier['transfer']['exclusivity'];
  method?: string;
  currency: Currency;
  total: number;
  payments: DossierPayment[];
  relationship?: CompleteDossier['parties']['relationship'];
  stateCapital?: boolean;
  audited?: boolean;
  valuation?: boolean;
  equipment?: UsedEquipmentItem[];
  termYears?: number;
}

function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function build(spec: Spec): DemoRegistration['data'] {
  return (transferee, today) => {
    const signedOn = daysBefore(today, spec.contract[2]);
    const endYear = Number(signedOn.slice(0, 4)) + (spec.termYears ?? 5);
    return {
      parties: {
        transferor: { name: spec.transferor[0], country: spec.transferor[1], address: spec.transferor[2], registrationNumber: spec.transferor[3], representativeName: spec.transferor[4] },
        transferee: { ...transferee, representativeTitle: 'Tổng Giám đốc' },
        relationship: spec.relationship ?? 'none',
        usesStateCapital: spec.stateCapital ?? false,
      },
      contract: { name: spec.contract[0], number: spec.contract[1], signedOn, language: spec.contract[3], termStartOn: signedOn, termEndOn: `${endYear}${signedOn.slice(4)}` },
      technology: {
        name: spec.technology[0],
        objects: spec.objects ?? ['know_how', 'process_docs_software_data'],
        description: spec.technology[1],
        products: spec.technology[2],
        catalogItemCodes: [],
        listItemIds: [],
        vsicCode: spec.technology[3],
      },
      transfer: {
        direction: 'inbound',
        form: spec.form ?? 'independent',
        rights: spec.rights ?? 'right_of_use',
        exclusivity: spec.exclusivity ?? 'non_exclusive',
        territory: 'Việt Nam',
        method: spec.method ?? 'Chuyển giao tài liệu kỹ thuật, đào tạo kỹ sư tại nhà máy của bên giao và cử chuyên gia hướng dẫn vận hành thử.',
      },
      price: {
        currency: spec.currency,
        exchangeRateToVnd: RATE[spec.currency],
        totalValue: spec.total,
        payments: spec.payments,
        hasAuditedPrice: spec.audited ?? false,
        hasIndependentValuation: spec.valuation ?? false,
      },
      equipment: { hasUsedEquipment: (spec.equipment ?? []).length > 0, items: spec.equipment ?? [] },
    };
  };
}

const lump = (amount: number): DossierPayment[] => [{ method: 'lump_sum', amount }];
const ENT1 = 'doanh-nghiep@demo.cgcn.vn';
const ENT2 = 'thuy-san@demo.cgcn.vn';
const ENT3 = 'dien-tu@demo.cgcn.vn';
const ENT4 = 'dong-tau@demo.cgcn.vn';
const LAN = 'can-bo@demo.cgcn.vn';
const BAO = 'can-bo-2@demo.cgcn.vn';

const registered = (key: string, filer: string, officer: string, spec: Spec, outcome: DemoOutcome = 'issued'): DemoRegistration => ({ key, filer, officer, outcome, data: build(spec) });

export const DEMO_REGISTRATIONS: DemoRegistration[] = [
  registered('01', ENT1, LAN, {
    transferor: ['Precision Tools GmbH', 'DE', 'Industriestraße 5, 70565 Stuttgart', 'HRB 723456', 'Anna Keller'],
    contract: ['Hợp đồng chuyển giao quy trình gia công CNC 5 trục', 'PT-BD-2026/01', 75, 'en'],
    technology: ['Quy trình gia công phay CNC 5 trục cho khuôn mẫu chính xác', 'Bí quyết và tài liệu quy trình phay CNC 5 trục, dung sai 5 micromet, cho khuôn ép nhựa linh kiện điện tử.', 'Khuôn ép nhựa chính xác', '28'],
    currency: 'EUR',
    total: 420_000,
    payments: lump(420_000),
  }),
  registered('02', ENT2, BAO, {
    transferor: ['Nordic Aqua Systems AS', 'NO', 'Havnegata 12, 6003 Ålesund', 'NO 918 273 645', 'Lars Haugen'],
    contract: ['Hợp đồng chuyển giao công nghệ nuôi tôm tuần hoàn (RAS)', 'NAS-CB-2026-07', 60, 'en'],
    technology: ['Công nghệ nuôi tôm thẻ chân trắng trong hệ thống tuần hoàn nước (RAS)', 'Thiết kế, vận hành hệ thống lọc sinh học và tuần hoàn nước cho nuôi tôm mật độ cao, giảm 90% lượng nước thay.', 'Tôm thẻ chân trắng thương phẩm', '03'],
    currency: 'USD',
    total: 350_000,
    payments: [
      { method: 'lump_sum', amount: 200_000 },
      { method: 'pct_net_revenue', ratePercent: 3 },
    ],
  }),
  registered('03', ENT3, LAN, {
    transferor: ['Hanbit Smart Factory Co.', 'KR', '45 Gasan digital 1-ro, Geumcheon-gu, Seoul', '110111-7654321', 'Kim Ji-ho'],
    contract: ['Hợp đồng chuyển giao công nghệ lắp ráp bo mạch SMT', 'HSF-TD-2026-11', 40, 'en'],
    technology: ['Công nghệ lắp ráp bề mặt (SMT) bo mạch điện tử mật độ cao', 'Quy trình in kem hàn, gắn linh kiện 01005 và hàn đối lưu không chì, kiểm tra quang học tự động.', 'Bo mạch điện tử cho thiết bị IoT', '26'],
    currency: 'USD',
    total: 600_000,
    payments: [
      { method: 'lump_sum', amount: 300_000 },
      { method: 'pct_net_revenue', ratePercent: 10 },
    ],
  }),
  registered('04', ENT1, BAO, {
    transferor: ['Kyoto Heat Treatment Co., Ltd', 'JP', '3-12 Minami-ku, Kyoto 601-8101', '1300-01-012345', 'Sato Hiroshi'],
    contract: ['Hợp đồng chuyển giao công nghệ thấm nitơ plasma', 'KHT-BD-2026', 80, 'ja'],
    technology: ['Công nghệ thấm nitơ plasma cho chi tiết máy', 'Thông số quy trình thấm nitơ plasma ở nhiệt độ thấp để tăng độ cứng bề mặt bánh răng, trục.', 'Bánh răng, trục truyền động', '25'],
    currency: 'JPY',
    total: 48_000_000,
    payments: lump(48_000_000),
  }),
  registered('05', ENT4, LAN, {
    transferor: ['Damen Engineering B.V.', 'NL', 'Industrieterrein 8, 4202 MS Gorinchem', 'KvK 23045678', 'Pieter de Vries'],
    contract: ['Hợp đồng chuyển giao thiết kế và công nghệ đóng tàu kéo cảng', 'DE-NT-2026-02', 55, 'en'],
    technology: ['Thiết kế và công nghệ đóng tàu kéo cảng 5.000 HP', 'Bộ hồ sơ thiết kế, quy trình hàn phân đoạn và lắp ráp tổng đoạn tàu kéo cảng công suất 5.000 HP.', 'Tàu kéo cảng biển', '30'],
    objects: ['know_how', 'process_docs_software_data', 'machinery'],
    currency: 'EUR',
    total: 1_150_000,
    payments: [
      { method: 'instalments', amount: 1_150_000, note: 'Ba đợt theo tiến độ đóng tàu' },
    ],
  }),
  registered('06', ENT2, BAO, {
    transferor: ['Qingdao Ocean Feed Technology Co.', 'CN', '88 Haier Road, Laoshan, Qingdao', '91370200MA3C123456', 'Zhang Wei'],
    contract: ['Hợp đồng chuyển giao công nghệ sản xuất thức ăn thủy sản dạng viên nổi', 'QOF-CB-2026', 45, 'zh'],
    technology: ['Công nghệ ép đùn thức ăn thủy sản dạng viên nổi', 'Công thức và quy trình ép đùn ướt tạo viên nổi cho cá rô phi, độ bền viên trong nước trên 12 giờ.', 'Thức ăn viên cho cá nuôi', '10'],
    currency: 'CNY',
    total: 1_800_000,
    payments: lump(1_800_000),
  }),
  registered('07', ENT3, LAN, {
    transferor: ['Taiwan Opto Components Inc.', 'TW', '6F, No. 18, Lane 321, Yangguang St., Taipei', '24567890', 'Lin Chia-hao'],
    contract: ['Hợp đồng chuyển giao công nghệ sản xuất mô-đun camera', 'TOC-TD-2026-03', 30, 'en'],
    technology: ['Công nghệ lắp ráp và căn chỉnh mô-đun camera cho điện thoại', 'Quy trình căn chỉnh chủ động (active alignment) thấu kính và cảm biến ảnh, phòng sạch cấp 1.000.', 'Mô-đun camera', '26'],
    currency: 'USD',
    total: 900_000,
    payments: lump(900_000),
  }),
  registered('08', ENT1, BAO, {
    transferor: ['Anderson Valve Technologies LLC', 'US', '1200 Industrial Pkwy, Houston, TX 77041', 'TX-0803345121', 'Michael Anderson'],
    contract: ['Hợp đồng li-xăng công nghệ chế tạo van công nghiệp áp lực cao', 'AVT-BD-2026', 85, 'en'],
    technology: ['Công nghệ chế tạo van bi áp lực cao cho đường ống dầu khí', 'Thiết kế, quy trình gia công và thử áp van bi cấp áp lực 2.500 theo tiêu chuẩn API 6D.', 'Van bi công nghiệp', '28'],
    currency: 'USD',
    total: 520_000,
    payments: [
      { method: 'lump_sum', amount: 220_000 },
      { method: 'pct_net_price', ratePercent: 4 },
    ],
  }),
  registered('09', ENT4, LAN, {
    transferor: ['Wärtsilä Services Finland Oy', 'FI', 'Hiililaiturinkuja 2, 00180 Helsinki', 'FI 0112345-6', 'Mikko Virtanen'],
    contract: ['Hợp đồng chuyển giao công nghệ bảo dưỡng động cơ tàu thủy', 'WSF-NT-2026-05', 20, 'en'],
    technology: ['Công nghệ đại tu động cơ diesel tàu thủy cỡ trung', 'Quy trình đo kiểm, phục hồi trục khuỷu và cân chỉnh hệ thống phun nhiên liệu của động cơ diesel 4 kỳ.', 'Dịch vụ đại tu động cơ tàu', '33'],
    currency: 'EUR',
    total: 310_000,
    payments: lump(310_000),
  }),
  registered('10', ENT2, BAO, {
    transferor: ['Marine Harvest Technology Pte. Ltd', 'SG', '10 Pasir Panjang Road, #08-01, Singapore 117438', '201812345K', 'Tan Wei Ming'],
    contract: ['Hợp đồng chuyển giao công nghệ cấp đông nhanh IQF', 'MHT-CB-2026-09', 35, 'en'],
    technology: ['Công nghệ cấp đông nhanh IQF cho phi lê cá biển', 'Thông số băng chuyền cấp đông xoắn và mạ băng, giữ chất lượng phi lê cá biển xuất khẩu.', 'Phi lê cá biển đông lạnh', '10'],
    currency: 'USD',
    total: 280_000,
    payments: lump(280_000),
  }),
  registered('11', ENT1, LAN, {
    transferor: ['Fujikawa Robotics Corporation', 'JP', '2-4-1 Shibaura, Minato-ku, Tokyo 108-0023', '0104-01-098765', 'Suzuki Kenji'],
    contract: ['Hợp đồng chuyển giao công nghệ tế bào hàn robot', 'FRC-BD-2026-12', 50, 'ja'],
    technology: ['Công nghệ tế bào hàn robot cho kết cấu thép', 'Lập trình quỹ đạo hàn ngoại tuyến và đồ gá cho tế bào hàn robot 6 trục, hàn khung kết cấu thép.', 'Kết cấu thép hàn', '25'],
    currency: 'JPY',
    total: 92_000_000,
    payments: lump(92_000_000),
  }),
  registered('12', ENT3, BAO, {
    transferor: ['Hanbit Smart Factory Co.', 'KR', '45 Gasan digital 1-ro, Geumcheon-gu, Seoul', '110111-7654321', 'Kim Ji-ho'],
    contract: ['Hợp đồng chuyển giao hệ thống điều hành sản xuất MES', 'HSF-TD-2026-14', 25, 'ko'],
    technology: ['Phần mềm và quy trình điều hành sản xuất (MES) cho nhà máy điện tử', 'Phần mềm MES, cơ sở dữ liệu truy xuất nguồn gốc và quy trình triển khai cho dây chuyền lắp ráp điện tử.', 'Hệ thống điều hành sản xuất', '62'],
    objects: ['process_docs_software_data'],
    currency: 'KRW',
    total: 950_000_000,
    payments: lump(950_000_000),
  }),
  registered('13', ENT4, LAN, {
    transferor: ['Hyundai Marine Coatings Co.', 'KR', '1000 Bangeojinsunhwando-ro, Ulsan', '181111-0012345', 'Park Min-soo'],
    contract: ['Hợp đồng chuyển giao công nghệ sơn vỏ tàu chống hà', 'HMC-NT-2026', 65, 'en'],
    technology: ['Công nghệ sơn phủ vỏ tàu chống hà không chứa thiếc hữu cơ', 'Quy trình chuẩn bị bề mặt và phun sơn chống hà gốc silicone cho vỏ tàu biển.', 'Dịch vụ sơn vỏ tàu', '30'],
    currency: 'USD',
    total: 260_000,
    payments: lump(260_000),
  }),
  registered('14', ENT1, BAO, {
    transferor: ['Bạch Đằng Holdings Pte. Ltd', 'SG', '1 Raffles Place, #20-61, Singapore 048616', '201934567M', 'Nguyễn Hoàng Long'],
    contract: ['Hợp đồng chuyển giao bí quyết đúc áp lực hợp kim nhôm', 'BDH-BD-2026', 70, 'en'],
    technology: ['Bí quyết đúc áp lực cao hợp kim nhôm cho vỏ hộp số', 'Thông số khuôn, chế độ đúc chân không và xử lý nhiệt cho vỏ hộp số hợp kim nhôm.', 'Vỏ hộp số hợp kim nhôm', '24'],
    relationship: 'parent_subsidiary',
    audited: true,
    currency: 'USD',
    total: 750_000,
    payments: [
      { method: 'lump_sum', amount: 250_000 },
      { method: 'pct_net_price', ratePercent: 5 },
    ],
  }),
  registered('15', ENT2, LAN, {
    transferor: ['Cát Bà Seafood International Ltd', 'HK', '18 Harbour Road, Wan Chai, Hong Kong', '2876543', 'Vũ Thị Ngọc'],
    contract: ['Hợp đồng góp vốn bằng công nghệ chế biến surimi', 'CBSI-CB-2026', 40, 'en'],
    technology: ['Công nghệ chế biến surimi từ cá tạp', 'Quy trình rửa, tách nước và phối trộn phụ gia tạo gel cho surimi từ cá tạp biển.', 'Surimi và sản phẩm mô phỏng', '10'],
    form: 'capital_contribution',
    relationship: 'related_party',
    currency: 'USD',
    total: 1_600_000,
    payments: [{ method: 'capital_contribution', amount: 1_600_000, note: 'Giá trị công nghệ góp vào vốn điều lệ' }],
  }),
  registered('16', ENT3, BAO, {
    transferor: ['Siemens Digital Industries (demo partner) AG', 'DE', 'Gleiwitzer Str. 555, 90475 Nürnberg', 'HRB 6684', 'Thomas Weber'],
    contract: ['Hợp đồng chuyển giao công nghệ tự động hóa dây chuyền kiểm tra', 'SDI-TD-2026', 15, 'de'],
    technology: ['Công nghệ kiểm tra tự động bằng thị giác máy cho bo mạch', 'Thuật toán và cấu hình hệ thống thị giác máy phát hiện lỗi hàn trên bo mạch điện tử.', 'Hệ thống kiểm tra chất lượng', '26'],
    currency: 'EUR',
    total: 380_000,
    payments: lump(380_000),
  }),
  registered('17', ENT4, LAN, {
    transferor: ['Fincantieri Marine Solutions S.p.A.', 'IT', 'Via Genova 1, 34121 Trieste', 'TS-123456', 'Marco Rossi'],
    contract: ['Hợp đồng chuyển giao công nghệ hàn tự động thép tấm dày', 'FMS-NT-2026-04', 85, 'en'],
    technology: ['Công nghệ hàn hồ quang chìm nhiều dây cho thép tấm đóng tàu', 'Quy trình hàn hồ quang chìm ba dây cho tôn vỏ tàu dày 20–40 mm và tiêu chuẩn nghiệm thu mối hàn.', 'Phân đoạn vỏ tàu', '30'],
    currency: 'EUR',
    total: 640_000,
    payments: lump(640_000),
    equipment: [
      { name: 'Máy hàn hồ quang chìm ba dây ESAB', hsCode: '8515.31', originCountry: 'IT', yearMade: 2013, remainingCapacityPercent: 88, consumptionAboveDesignPercent: 8 },
    ],
  }),
  registered('18', ENT1, BAO, {
    transferor: ['Precision Tools GmbH', 'DE', 'Industriestraße 5, 70565 Stuttgart', 'HRB 723456', 'Anna Keller'],
    contract: ['Hợp đồng chuyển giao công nghệ mài phẳng chính xác', 'PT-BD-2026/02', 30, 'en'],
    technology: ['Công nghệ mài phẳng chính xác cho tấm khuôn', 'Thông số mài phẳng và đo kiểm độ phẳng 2 micromet cho tấm khuôn thép hợp kim.', 'Tấm khuôn thép', '28'],
    currency: 'EUR',
    total: 210_000,
    payments: lump(210_000),
  }),
  registered('19', ENT2, LAN, {
    transferor: ['Danish Fish Processing Equipment A/S', 'DK', 'Havnevej 4, 9850 Hirtshals', 'CVR 34567812', 'Søren Nielsen'],
    contract: ['Hợp đồng chuyển giao công nghệ phi lê cá tự động', 'DFPE-CB-2026', 50, 'en'],
    technology: ['Công nghệ phi lê cá tự động bằng thị giác máy', 'Quy trình và phần mềm điều khiển máy phi lê cá theo hình ảnh, tăng hiệu suất thu hồi thịt cá.', 'Phi lê cá', '10'],
    objects: ['know_how', 'process_docs_software_data', 'machinery'],
    currency: 'EUR',
    total: 460_000,
    payments: lump(460_000),
    equipment: [
      { name: 'Dây chuyền phi lê cá đã qua sử dụng', hsCode: '8438.50', originCountry: 'DK', yearMade: 2019, remainingCapacityPercent: 80, consumptionAboveDesignPercent: 18 },
    ],
  }),
  registered('20', ENT3, BAO, {
    transferor: ['Shenzhen PowerCell Technology Co.', 'CN', '1 Keji South Road, Nanshan, Shenzhen', '91440300MA5D654321', 'Chen Jun'],
    contract: ['Hợp đồng chuyển giao công nghệ lắp ráp bộ pin lithium', 'SPC-TD-2026', 40, 'zh'],
    technology: ['Công nghệ lắp ráp bộ pin lithium-ion cho xe điện hai bánh', 'Quy trình hàn laser cell pin, hệ thống quản lý pin (BMS) và thử nghiệm an toàn bộ pin.', 'Bộ pin lithium-ion', '27'],
    currency: 'CNY',
    total: 3_600_000,
    payments: lump(3_600_000),
  }),
  registered('21', ENT4, LAN, {
    transferor: ['Kongsberg Maritime (demo partner) AS', 'NO', 'Kirkegårdsveien 45, 3616 Kongsberg', 'NO 914 567 890', 'Ingrid Berg'],
    contract: ['Hợp đồng chuyển giao công nghệ tích hợp hệ thống định vị động', 'KM-NT-2026', 35, 'en'],
    technology: ['Công nghệ tích hợp hệ thống định vị động (DP) cho tàu dịch vụ', 'Tài liệu tích hợp, cấu hình và thử nghiệm hệ thống định vị động cấp DP2 trên tàu dịch vụ dầu khí.', 'Tàu dịch vụ dầu khí', '30'],
    currency: 'USD',
    total: 820_000,
    payments: lump(820_000),
  }),
  registered('22', ENT1, BAO, {
    transferor: ['Lyon Industrial Coatings SAS', 'FR', '22 Rue de la République, 69002 Lyon', 'RCS Lyon 812 345 678', 'Claire Martin'],
    contract: ['Hợp đồng chuyển giao công nghệ phủ PVD', 'LIC-BD-2026', 60, 'fr'],
    technology: ['Công nghệ phủ chân không PVD cho dao cắt', 'Quy trình làm sạch và phủ lớp TiAlN bằng phún xạ magnetron cho dao phay hợp kim cứng.', 'Dao cắt phủ PVD', '25'],
    currency: 'EUR',
    total: 330_000,
    payments: lump(330_000),
  }),
  registered('23', ENT2, LAN, {
    transferor: ['Aqua Vaccine Australia Pty Ltd', 'AU', '15 Ocean Drive, Hobart TAS 7000', 'ACN 612 345 678', 'Emily Clarke'],
    contract: ['Hợp đồng chuyển giao công nghệ sản xuất vắc-xin cho cá', 'AVA-CB-2026', 25, 'en'],
    technology: ['Công nghệ sản xuất vắc-xin bất hoạt phòng bệnh cho cá biển', 'Quy trình nuôi cấy, bất hoạt vi khuẩn và phối trộn tá dược vắc-xin tiêm cho cá chẽm, cá giò.', 'Vắc-xin thủy sản', '21'],
    currency: 'USD',
    total: 540_000,
    payments: [
      { method: 'lump_sum', amount: 340_000 },
      { method: 'pct_net_revenue', ratePercent: 6 },
    ],
  }),
  registered('24', ENT3, BAO, {
    transferor: ['Hanbit Smart Factory Co.', 'KR', '45 Gasan digital 1-ro, Geumcheon-gu, Seoul', '110111-7654321', 'Kim Ji-ho'],
    contract: ['Hợp đồng chuyển giao công nghệ phủ conformal bo mạch', 'HSF-TD-2026-19', 10, 'ko'],
    technology: ['Công nghệ phủ bảo vệ (conformal coating) cho bo mạch ô tô điện', 'Quy trình phủ chọn lọc và sấy UV lớp bảo vệ bo mạch chịu ẩm, chịu rung.', 'Bo mạch điều khiển', '26'],
    currency: 'KRW',
    total: 620_000_000,
    payments: lump(620_000_000),
  }),
  registered('25', ENT4, LAN, {
    transferor: ['Mitsui Marine Engineering Co.', 'JP', '6-4 Tsukiji 5-chome, Chuo-ku, Tokyo', '0100-01-045678', 'Tanaka Yuki'],
    contract: ['Hợp đồng chuyển giao công nghệ chế tạo chân vịt tàu', 'MME-NT-2026', 45, 'ja'],
    technology: ['Công nghệ đúc và gia công chân vịt hợp kim đồng cho tàu biển', 'Thiết kế thủy động lực, quy trình đúc và cân bằng tĩnh chân vịt đường kính đến 4 m.', 'Chân vịt tàu biển', '30'],
    currency: 'JPY',
    total: 135_000_000,
    payments: lump(135_000_000),
  }),
  registered('26', ENT1, BAO, {
    transferor: ['Indus Gear Technologies Pvt. Ltd', 'IN', 'Plot 42, MIDC Bhosari, Pune 411026', 'U29100PN2008PTC123456', 'Rajesh Kumar'],
    contract: ['Hợp đồng chuyển giao công nghệ cắt bánh răng côn xoắn', 'IGT-BD-2026', 120, 'en'],
    technology: ['Công nghệ cắt và mài bánh răng côn xoắn', 'Thông số cắt, mài và kiểm tra vết tiếp xúc bánh răng côn xoắn cho hộp giảm tốc công nghiệp.', 'Bánh răng côn xoắn', '28'],
    currency: 'USD',
    total: 180_000,
    payments: lump(180_000),
  }),
  registered('27', ENT2, LAN, {
    transferor: ['Qingdao Ocean Feed Technology Co.', 'CN', '88 Haier Road, Laoshan, Qingdao', '91370200MA3C123456', 'Zhang Wei'],
    contract: ['Hợp đồng chuyển giao công nghệ sản xuất dầu cá tinh luyện', 'QOF-CB-2026-02', 15, 'zh'],
    technology: ['Công nghệ tinh luyện dầu cá giàu omega-3', 'Quy trình trung hòa, tẩy màu và khử mùi dầu cá bằng chưng cất phân tử.', 'Dầu cá tinh luyện', '10'],
    currency: 'CNY',
    total: 2_100_000,
    payments: lump(2_100_000),
  }),
  registered('28', ENT3, BAO, {
    transferor: ['Advanced Sensor Labs Inc.', 'US', '500 Tech Park Dr, San Jose, CA 95134', 'CA-C4123456', 'Sarah Johnson'],
    contract: ['Hợp đồng chuyển giao công nghệ đóng gói cảm biến MEMS', 'ASL-TD-2026', 30, 'en'],
    technology: ['Công nghệ đóng gói cảm biến vi cơ điện tử (MEMS)', 'Quy trình gắn chip, hàn dây và đóng gói kín cảm biến áp suất MEMS.', 'Cảm biến áp suất MEMS', '26'],
    currency: 'USD',
    total: 9_500_000,
    payments: lump(9_500_000),
  }),
  registered('29', ENT4, LAN, {
    transferor: ['Damen Engineering B.V.', 'NL', 'Industrieterrein 8, 4202 MS Gorinchem', 'KvK 23045678', 'Pieter de Vries'],
    contract: ['Hợp đồng chuyển giao công nghệ đóng sà lan chở container', 'DE-NT-2026-06', 12, 'en'],
    technology: ['Thiết kế và công nghệ đóng sà lan chở container 96 TEU', 'Hồ sơ thiết kế, quy trình lắp ráp và hạ thủy sà lan chở container đường thủy nội địa.', 'Sà lan container', '30'],
    currency: 'EUR',
    total: 290_000,
    payments: lump(290_000),
  }),
  registered('30', ENT1, LAN, {
    transferor: ['Precision Tools GmbH', 'DE', 'Industriestraße 5, 70565 Stuttgart', 'HRB 723456', 'Anna Keller'],
    contract: ['Hợp đồng chuyển giao công nghệ cắt dây EDM', 'PT-BD-2026/03', 20, 'en'],
    technology: ['Công nghệ cắt dây tia lửa điện (EDM) cho khuôn dập', 'Thông số cắt dây EDM nhiều lần cắt tinh cho khuôn dập liên hoàn thép hợp kim.', 'Khuôn dập liên hoàn', '28'],
    currency: 'EUR',
    total: 190_000,
    payments: lump(190_000),
  }, 'revoked'),
  // Open cases in different statuses, and a refusal.
  registered('31', ENT4, LAN, {
    transferor: ['Busan Used Machinery Trading Co.', 'KR', '77 Jungang-daero, Jung-gu, Busan', '180111-0987654', 'Lee Dong-hyun'],
    contract: ['Hợp đồng chuyển giao công nghệ kèm dây chuyền cắt tôn đã qua sử dụng', 'BUM-NT-2026', 40, 'ko'],
    technology: ['Công nghệ cắt plasma CNC tôn vỏ tàu', 'Quy trình cắt plasma CNC và lồng phôi tối ưu cho tôn vỏ tàu, kèm dây chuyền cắt đã qua sử dụng.', 'Chi tiết tôn vỏ tàu', '30'],
    objects: ['know_how', 'machinery'],
    form: 'equipment_sale',
    currency: 'USD',
    total: 420_000,
    payments: lump(420_000),
    equipment: [
      { name: 'Máy cắt plasma CNC khổ 3 m', hsCode: '8456.40', originCountry: 'KR', yearMade: 2011, remainingCapacityPercent: 78, consumptionAboveDesignPercent: 22 },
    ],
  }, 'in_review'),
  registered('32', ENT2, BAO, {
    transferor: ['Nordic Aqua Systems AS', 'NO', 'Havnegata 12, 6003 Ålesund', 'NO 918 273 645', 'Lars Haugen'],
    contract: ['Hợp đồng chuyển giao công nghệ ương giống cá biển', 'NAS-CB-2026-11', 20, 'en'],
    technology: ['Công nghệ ương giống cá chẽm trong hệ thống tuần hoàn', 'Quy trình ương ấu trùng cá chẽm, kiểm soát thức ăn sống và chất lượng nước tuần hoàn.', 'Cá giống', '03'],
    currency: 'USD',
    total: 240_000,
    payments: lump(240_000),
  }, 'submitted'),
  registered('33', ENT3, LAN, {
    transferor: ['Taiwan Opto Components Inc.', 'TW', '6F, No. 18, Lane 321, Yangguang St., Taipei', '24567890', 'Lin Chia-hao'],
    contract: ['Hợp đồng chuyển giao công nghệ phủ chống phản xạ thấu kính', 'TOC-TD-2026-08', 25, 'en'],
    technology: ['Công nghệ phủ chống phản xạ nhiều lớp cho thấu kính quang học', 'Thông số phủ bay hơi chùm điện tử nhiều lớp chống phản xạ cho thấu kính nhựa.', 'Thấu kính quang học', '26'],
    currency: 'USD',
    total: 310_000,
    payments: lump(310_000),
  }, 'supplement_requested'),
  registered('34', ENT1, BAO, {
    transferor: ['Kyoto Heat Treatment Co., Ltd', 'JP', '3-12 Minami-ku, Kyoto 601-8101', '1300-01-012345', 'Sato Hiroshi'],
    contract: ['Hợp đồng chuyển giao công nghệ tôi cao tần', 'KHT-BD-2026-02', 18, 'ja'],
    technology: ['Công nghệ tôi cảm ứng cao tần cho trục và bánh răng', 'Thông số cuộn cảm, tần số và chế độ làm nguội khi tôi cảm ứng cao tần trục truyền động.', 'Trục truyền động', '25'],
    currency: 'JPY',
    total: 36_000_000,
    payments: lump(36_000_000),
  }, 'certificate_drafted'),
  registered('35', ENT4, LAN, {
    transferor: ['Shandong Building Materials Engineering Co.', 'CN', '9 Jingshi Road, Jinan, Shandong', '91370100MA3P456789', 'Wang Lei'],
    contract: ['Hợp đồng chuyển giao công nghệ sản xuất xi măng lò đứng', 'SBM-NT-2026', 30, 'zh'],
    technology: ['Công nghệ sản xuất xi măng lò đứng', 'Dây chuyền sản xuất xi măng lò đứng công suất nhỏ, nung clanhke trong lò đứng thủ công.', 'Xi măng', '23'],
    currency: 'CNY',
    total: 1_200_000,
    payments: lump(1_200_000),
  }, 'refused'),
  registered('36', ENT2, LAN, {
    transferor: ['Marine Harvest Technology Pte. Ltd', 'SG', '10 Pasir Panjang Road, #08-01, Singapore 117438', '201812345K', 'Tan Wei Ming'],
    contract: ['Hợp đồng chuyển giao công nghệ đóng hộp cá ngừ', 'MHT-CB-2026-12', 5, 'en'],
    technology: ['Công nghệ đóng hộp cá ngừ ngâm dầu', 'Quy trình hấp, làm sạch, vào hộp và tiệt trùng cá ngừ ngâm dầu.', 'Cá ngừ đóng hộp', '10'],
    currency: 'USD',
    total: 200_000,
    payments: lump(200_000),
  }, 'draft'),
];
