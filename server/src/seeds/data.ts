import type { OrganisationKind, Role } from '../../../common/src/roles.js';

interface OrgSeed {
  key: string;
  kind: OrganisationKind;
  name: string;
  nameEn?: string;
  taxCode?: string;
  country?: string;
  /** The plan role whose holding agency (agencies module) the demo organisation stands for. */
  agencyOfPlanRole?: string;
}

/** The agencies named in section IV of the plan that every deployment needs from day one (issue 3 versions them). */
export const REFERENCE_ORGANISATIONS: OrgSeed[] = [
  { key: 'dost', kind: 'agency', name: 'Sở Khoa học và Công nghệ thành phố Hải Phòng', nameEn: 'Hải Phòng Department of Science and Technology' },
  { key: 'city', kind: 'agency', name: 'Ủy ban nhân dân thành phố Hải Phòng', nameEn: "Hải Phòng People's Committee" },
  { key: 'finance', kind: 'agency', name: 'Sở Tài chính thành phố Hải Phòng', nameEn: 'Hải Phòng Department of Finance' },
  { key: 'industry', kind: 'agency', name: 'Sở Công Thương thành phố Hải Phòng', nameEn: 'Hải Phòng Department of Industry and Trade' },
];

/** Fictional organisations for the demo. Tax codes use the 0000 prefix no real enterprise has. */
export const DEMO_ORGANISATIONS: OrgSeed[] = [
  { key: 'ent1', kind: 'enterprise', name: 'Công ty Cổ phần Cơ khí Chính xác Bạch Đằng (demo)', nameEn: 'Bach Dang Precision Engineering JSC (demo)', taxCode: '0000000001' },
  { key: 'ent2', kind: 'enterprise', name: 'Công ty TNHH Thủy sản Cát Bà Xanh (demo)', nameEn: 'Cat Ba Green Seafood Co., Ltd (demo)', taxCode: '0000000002' },
  { key: 'sup1', kind: 'supplier', name: 'Hanbit Smart Factory Co. (demo)', nameEn: 'Hanbit Smart Factory Co. (demo)', country: 'KR' },
  { key: 'res1', kind: 'research', name: 'Viện Công nghệ Biển Duyên Hải (demo)', nameEn: 'Coastal Marine Technology Institute (demo)' },
  { key: 'ent3', kind: 'enterprise', name: 'Công ty TNHH Điện tử Tràng Duệ (demo)', nameEn: 'Trang Due Electronics Co., Ltd (demo)', taxCode: '0000000003' },
  { key: 'ent4', kind: 'enterprise', name: 'Công ty Cổ phần Đóng tàu và Cơ khí Hàng hải Nam Triệu (demo)', nameEn: 'Nam Trieu Shipbuilding and Marine Engineering JSC (demo)', taxCode: '0000000004' },
  {
    key: 'tax',
    kind: 'agency',
    name: 'Cục Thuế thành phố Hải Phòng (demo)',
    nameEn: 'Hải Phòng Tax Department (demo)',
    agencyOfPlanRole: 'tax_control_of_transfer_contracts',
  },
];

/** Shared by every demo account, printed at start. Demo data is refused when NODE_ENV=production. */
export const DEMO_PASSWORD = 'HaiPhong-Demo-2026';

interface UserSeed {
  email: string;
  name: string;
  role: Role;
  organisation: string | null;
  locale?: 'vi' | 'en';
  /** Staff accounts have two-factor on; the secret is printed so a person can add it to an authenticator app. */
  totpSecret?: string;
}

export const DEMO_USERS: UserSeed[] = [
  { email: 'admin@demo.cgcn.vn', name: 'Quản trị Hệ thống', role: 'admin', organisation: null, totpSecret: 'KRSXG5CTMVRXEZLUADMINDEMOKEYAAAA' },
  { email: 'can-bo@demo.cgcn.vn', name: 'Nguyễn Thị Lan', role: 'dost_officer', organisation: 'dost', totpSecret: 'KRSXG5CTMVRXEZLUDOSTOFFICERKEYAA' },
  { email: 'lanh-dao@demo.cgcn.vn', name: 'Trần Văn Hùng', role: 'dost_leader', organisation: 'dost', totpSecret: 'KRSXG5CTMVRXEZLUDOSTLEADERKEYAAA' },
  { email: 'so-cong-thuong@demo.cgcn.vn', name: 'Hoàng Thị Mai', role: 'agency_officer', organisation: 'industry', totpSecret: 'KRSXG5CTMVRXEZLUAGENCYOFFICERKEY' },
  { email: 'doanh-nghiep@demo.cgcn.vn', name: 'Phạm Minh Đức', role: 'enterprise_admin', organisation: 'ent1' },
  { email: 'nhan-vien@demo.cgcn.vn', name: 'Lê Thu Hà', role: 'enterprise_member', organisation: 'ent1' },
  { email: 'thuy-san@demo.cgcn.vn', name: 'Vũ Văn Nam', role: 'enterprise_admin', organisation: 'ent2' },
  { email: 'supplier@demo.cgcn.vn', name: 'Kim Ji-ho', role: 'supplier_admin', organisation: 'sup1', locale: 'en' },
  { email: 'chuyen-gia@demo.cgcn.vn', name: 'TS. Đỗ Quang Minh', role: 'expert', organisation: null },
  { email: 'can-bo-2@demo.cgcn.vn', name: 'Đinh Quốc Bảo', role: 'dost_officer', organisation: 'dost', totpSecret: 'KRSXG5CTMVRXEZLUDOSTOFFICERTWOAA' },
  { email: 'thue@demo.cgcn.vn', name: 'Bùi Thị Thanh Hương', role: 'agency_officer', organisation: 'tax', totpSecret: 'KRSXG5CTMVRXEZLUTAXOFFICERKEYAAA' },
  { email: 'dien-tu@demo.cgcn.vn', name: 'Ngô Đức Thịnh', role: 'enterprise_admin', organisation: 'ent3' },
  { email: 'dong-tau@demo.cgcn.vn', name: 'Lương Văn Khải', role: 'enterprise_admin', organisation: 'ent4' },
];
