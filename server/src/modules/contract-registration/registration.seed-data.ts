import type { CompleteDossier, DossierPayment, UsedEquipmentItem } from '../../../../common/src/api/registration-dossier.js';
import { addDays } from '../../../../common/src/dates.js';

/**
 * The shape of a demo registration and the builder that turns a short spec into a complete dossier; the list itself
 * is in registration.seed-registrations.ts.
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

export interface Spec {
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

export function build(spec: Spec): DemoRegistration['data'] {
  return (transferee, today) => {
    const signedOn = addDays(today, -spec.contract[2]);
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
