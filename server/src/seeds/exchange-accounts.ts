import type { OrganisationKind, Role } from '../../../common/src/roles.js';

/**
 * Demo parties of the technology exchange besides the platform's demo accounts (data.ts): foreign suppliers, domestic
 * institutes, more Hải Phòng enterprises, experts (overseas Vietnamese among them) and intermediaries. All fictional;
 * same demo password; created only with the demo data (never in production).
 */
export interface ExchangeDemoAccount {
  email: string;
  name: string;
  role: Role;
  locale: 'vi' | 'en';
  organisation: { kind: OrganisationKind; name: string; nameEn: string; country: string; taxCode?: string } | null;
}

const supplier = (email: string, name: string, org: string, country: string, kind: OrganisationKind = 'supplier'): ExchangeDemoAccount => ({
  email,
  name,
  role: 'supplier_admin',
  locale: country === 'VN' ? 'vi' : 'en',
  organisation: { kind, name: org, nameEn: org, country },
});

export const EXCHANGE_DEMO_ACCOUNTS: ExchangeDemoAccount[] = [
  supplier('nordic-water@demo.cgcn.vn', 'Aino Virtanen', 'Nordic Water Purification Oy (demo)', 'FI'),
  supplier('kansai-marine@demo.cgcn.vn', 'Takeshi Morimoto', 'Kansai Marine Engineering K.K. (demo)', 'JP'),
  supplier('rhein-automation@demo.cgcn.vn', 'Jonas Becker', 'Rhein Automation GmbH (demo)', 'DE'),
  supplier('lakes-biotech@demo.cgcn.vn', 'Emily Carter', 'Great Lakes Biotech Inc. (demo)', 'US'),
  supplier('delta-agritech@demo.cgcn.vn', 'Sanne de Vries', 'Delta AgriTech B.V. (demo)', 'NL'),
  supplier('brightway@demo.cgcn.vn', 'Chen Wei', 'Shenzhen Brightway Electronics Co. (demo)', 'CN'),
  { ...supplier('vien-bien@demo.cgcn.vn', 'TS. Phạm Thị Ngọc', 'Viện Công nghệ Biển Duyên Hải (demo)', 'VN', 'research'), organisation: { kind: 'research', name: 'Viện Công nghệ Biển Duyên Hải (demo)', nameEn: 'Coastal Marine Technology Institute (demo)', country: 'VN' } },
  { ...supplier('vien-co-khi@demo.cgcn.vn', 'PGS.TS. Hoàng Văn Tuấn', '', 'VN', 'research'), organisation: { kind: 'research', name: 'Viện Cơ khí và Tự động hóa Duyên hải Bắc Bộ (demo)', nameEn: 'Northern Coastal Institute of Mechanical Engineering and Automation (demo)', country: 'VN' } },
  { ...supplier('vien-sinh-hoc@demo.cgcn.vn', 'TS. Lê Thị Hồng Nhung', '', 'VN', 'research'), organisation: { kind: 'research', name: 'Viện Công nghệ Sinh học và Thực phẩm Hải Phòng (demo)', nameEn: 'Hải Phòng Institute of Biotechnology and Food (demo)', country: 'VN' } },
  { ...supplier('trung-gian@demo.cgcn.vn', 'Nguyễn Văn Phúc', '', 'VN', 'intermediary'), organisation: { kind: 'intermediary', name: 'Trung tâm Thông tin và Chuyển giao công nghệ Hải Phòng (demo)', nameEn: 'Hải Phòng Technology Information and Transfer Centre (demo)', country: 'VN' } },
  { ...supplier('so-huu-tri-tue@demo.cgcn.vn', 'Trịnh Thu Trang', '', 'VN', 'intermediary'), organisation: { kind: 'intermediary', name: 'Công ty TNHH Sở hữu trí tuệ Hải An (demo)', nameEn: 'Hai An Intellectual Property Co., Ltd (demo)', country: 'VN' } },
  supplier('eu-bridge@demo.cgcn.vn', 'Pieter Janssen', 'EU–Vietnam Technology Bridge B.V. (demo)', 'NL', 'intermediary'),
  ...(
    [
      ['duoc-pham@demo.cgcn.vn', 'Đặng Thị Hạnh', 'Công ty Cổ phần Dược phẩm Cảng Hải (demo)', 'Cang Hai Pharmaceutical JSC (demo)', '0000000011'],
      ['nong-nghiep@demo.cgcn.vn', 'Bùi Văn Lộc', 'Công ty TNHH Nông nghiệp Công nghệ cao Tiên Lãng (demo)', 'Tien Lang High-Tech Agriculture Co., Ltd (demo)', '0000000012'],
      ['logistics@demo.cgcn.vn', 'Phan Quốc Việt', 'Công ty Cổ phần Logistics Đình Vũ (demo)', 'Dinh Vu Logistics JSC (demo)', '0000000013'],
      ['xay-dung@demo.cgcn.vn', 'Mai Xuân Trường', 'Công ty Cổ phần Xây dựng Hạ tầng Lạch Tray (demo)', 'Lach Tray Infrastructure Construction JSC (demo)', '0000000014'],
    ] as const
  ).map(([email, name, org, orgEn, taxCode]): ExchangeDemoAccount => ({ email, name, role: 'enterprise_admin', locale: 'vi', organisation: { kind: 'enterprise', name: org, nameEn: orgEn, country: 'VN', taxCode } })),
  { email: 'chuyen-gia-nhat@demo.cgcn.vn', name: 'TS. Nguyễn Hoàng Anh', role: 'expert', locale: 'vi', organisation: null },
  { email: 'chuyen-gia-duc@demo.cgcn.vn', name: 'PGS.TS. Trần Thu Hằng', role: 'expert', locale: 'vi', organisation: null },
  { email: 'expert-us@demo.cgcn.vn', name: 'Dr. Khoa Le', role: 'expert', locale: 'en', organisation: null },
  { email: 'expert-kr@demo.cgcn.vn', name: 'Dr. Park Seo-yeon', role: 'expert', locale: 'en', organisation: null },
];
