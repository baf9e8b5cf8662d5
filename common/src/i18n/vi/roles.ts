import type { Role } from '../../roles.js';
export const roles: Record<Role, string> = {
  enterprise_member: 'Thành viên doanh nghiệp',
  enterprise_admin: 'Quản trị doanh nghiệp',
  supplier_member: 'Thành viên đơn vị cung ứng công nghệ',
  supplier_admin: 'Quản trị đơn vị cung ứng công nghệ',
  expert: 'Chuyên gia',
  agency_officer: 'Cán bộ cơ quan',
  agency_leader: 'Lãnh đạo cơ quan',
  dost_officer: 'Cán bộ Sở KH&CN',
  dost_leader: 'Lãnh đạo Sở KH&CN',
  city_leader: 'Lãnh đạo UBND thành phố',
  admin: 'Quản trị hệ thống',
};
export const organisationKinds = {
  enterprise: 'Doanh nghiệp',
  supplier: 'Đơn vị cung ứng công nghệ',
  research: 'Viện nghiên cứu / Trường đại học',
  intermediary: 'Tổ chức trung gian',
  agency: 'Cơ quan nhà nước',
};
