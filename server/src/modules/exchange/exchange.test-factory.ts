import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ListingContent, ListingKind, Visibility } from '../../../../common/src/api/exchange-listings.js';
import type { Database } from '../../core/db/database.js';
import { listingRevisions, listings, type ListingRow } from './exchange.tables.js';
import { listingReference, publishedColumns } from './listings.projection.js';

/**
 * Test factory: a listing written straight into the tables (no review), so search, matching, connections and
 * visibility tests can start from a published listing. Build only what the test names.
 */
export function offerContent(overrides: Partial<Extract<ListingContent, { kind: 'offer' }>> = {}): ListingContent {
  return {
    kind: 'offer',
    originalLanguage: 'en',
    title: { en: `Membrane bioreactor for industrial wastewater ${randomBytes(2).toString('hex')}` },
    teaser: { en: 'Compact membrane bioreactor that treats seafood processing wastewater to column A.' },
    keywords: ['wastewater', 'membrane'],
    catalogItemCodes: ['1.7.1'],
    fileIds: [],
    description: { en: '<p>Detailed process description with confidential operating parameters.</p>' },
    technologyObject: 'machinery_with_technology',
    trl: 7,
    intellectualProperty: [{ type: 'invention_patent', number: 'KR-10-2020-0001', territory: ['KR'], status: 'granted' }],
    transferForms: ['non_exclusive_licence', 'equipment_with_technology'],
    price: { kind: 'range', min: 100000, max: 250000, currency: 'USD' },
    countryOfOrigin: 'KR',
    ...overrides,
  };
}

export function demandContent(overrides: Partial<Extract<ListingContent, { kind: 'demand' }>> = {}): ListingContent {
  return {
    kind: 'demand',
    originalLanguage: 'vi',
    title: { vi: `Cần công nghệ xử lý nước thải chế biến thủy sản ${randomBytes(2).toString('hex')}` },
    teaser: { vi: 'Nhà máy chế biến thủy sản tại Hải Phòng cần hệ thống xử lý nước thải đạt cột A.' },
    keywords: ['nước thải', 'thủy sản'],
    catalogItemCodes: ['1.7.1'],
    fileIds: [],
    problem: { vi: '<p>Nước thải vượt chuẩn vào mùa cao điểm.</p>' },
    currentProcess: { vi: '<p>Bể lắng và hồ sinh học.</p>' },
    wantedResults: { vi: '<p>Đạt QCVN 11-MT:2015/BTNMT cột A.</p>' },
    budget: { kind: 'range', min: 2_000_000_000, max: 6_000_000_000, currency: 'VND' },
    timelineMonths: 12,
    preferredTransferForms: ['equipment_with_technology'],
    preferredCountries: ['KR', 'JP'],
    minimumTrl: 6,
    location: 'Khu công nghiệp Nam Cầu Kiền, Thủy Nguyên',
    ...overrides,
  };
}

export interface ListingFixtureInput {
  ownerUserId: string;
  ownerOrganisationId: string | null;
  content: ListingContent;
  visibility?: Visibility;
  status?: ListingRow['status'];
  validUntil?: string;
  publishedAt?: Date;
}

export async function insertListingFixture(database: Database, input: ListingFixtureInput): Promise<ListingRow> {
  const kind: ListingKind = input.content.kind;
  const status = input.status ?? 'published';
  const visibility = input.visibility ?? 'public';
  const [{ n }] = (await database.query<{ n: string }>('SELECT nextval($1::regclass)::text AS n', ['listing_reference_seq'])) as [{ n: string }];
  const isPublished = status === 'published' || status === 'expired';
  const [listing] = await database.db
    .insert(listings)
    .values({
      kind,
      reference: listingReference(kind, new Date().getFullYear(), Number(n)),
      ownerOrganisationId: input.ownerOrganisationId,
      ownerUserId: input.ownerUserId,
      status: 'draft',
      visibility,
    })
    .returning();
  const [revision] = await database.db
    .insert(listingRevisions)
    .values({ listingId: listing!.id, number: 1, status: isPublished ? 'approved' : status === 'in_review' ? 'in_review' : 'draft', content: input.content, visibility, createdBy: input.ownerUserId })
    .returning();
  const publishedAt = input.publishedAt ?? new Date();
  const [row] = await database.db
    .update(listings)
    .set(
      isPublished
        ? {
            status,
            publishedRevisionId: revision!.id,
            firstPublishedAt: publishedAt,
            publishedAt,
            validUntil: input.validUntil ?? new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10),
            ...publishedColumns(input.content),
          }
        : { status, workingRevisionId: revision!.id },
    )
    .where(sql`${listings.id} = ${listing!.id}`)
    .returning();
  return row!;
}
