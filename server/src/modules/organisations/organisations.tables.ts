import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OrganisationKind } from '../../../../common/src/roles.js';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<OrganisationKind>().notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  taxCode: text('tax_code'),
  country: text('country').notNull().default('VN'),
  agencyId: uuid('agency_id'),
  status: text('status').$type<'active' | 'suspended'>().notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
