import {
  CONTRACT_CURRENCIES,
  CONTRACT_LANGUAGES,
  EXCLUSIVITY,
  PARTY_RELATIONSHIPS,
  PAYMENT_METHODS,
  PERCENT_PAYMENT_METHODS,
  RIGHTS_TYPES,
  TECHNOLOGY_OBJECTS,
  type DataStep,
  type PaymentMethod,
} from '../../../../../common/src/api/registration-dossier.js';
import { POLICY_DECIDERS, TRANSFER_DIRECTIONS, TRANSFER_FORMS } from '../../../../../common/src/reference-rules.js';

/**
 * The dossier form as data: per step, its fields (path in the step's object, input kind, options). The generic form
 * (dossier-form.tsx) renders them and converts between the API data and the strings the inputs hold. Labels:
 * registrationFiling.fields.<step>.<path without list indices> (a list or group: <path>.title); options: registrationFiling.options.<name>.<value>.
 */

export type FormValues = Record<string, unknown>;

export type Field =
  | { kind: 'text' | 'textarea' | 'date'; path: string; required?: boolean; span?: 1 | 2 }
  | { kind: 'number'; path: string; required?: boolean; span?: 1 | 2; when?: (item: FormValues) => boolean }
  | { kind: 'select'; path: string; options: readonly string[]; optionSet: string; required?: boolean; span?: 1 | 2 }
  | { kind: 'country'; path: string; required?: boolean; span?: 1 | 2 }
  | { kind: 'bool'; path: string; span?: 1 | 2 }
  | { kind: 'multiselect'; path: string; options: readonly string[]; optionSet: string; required?: boolean; span?: 1 | 2 }
  | { kind: 'list'; path: string; fields: Field[]; addLabel: string; span?: 2; when?: (values: FormValues) => boolean }
  | { kind: 'group'; path: string; fields: Field[]; when: (values: FormValues) => boolean; span?: 2 }
  | { kind: 'heading'; path: string; span?: 2 };

const isPercent = (item: FormValues) => PERCENT_PAYMENT_METHODS.includes(item.method as PaymentMethod);

export const STEP_FIELDS: Record<DataStep, Field[]> = {
  parties: [
    { kind: 'heading', path: 'transferorTitle' },
    { kind: 'text', path: 'transferor.name', required: true },
    { kind: 'country', path: 'transferor.country', required: true },
    { kind: 'text', path: 'transferor.address', required: true, span: 2 },
    { kind: 'text', path: 'transferor.registrationNumber', required: true },
    { kind: 'text', path: 'transferor.representativeName', required: true },
    { kind: 'text', path: 'transferor.representativeTitle' },
    { kind: 'heading', path: 'transfereeTitle' },
    { kind: 'text', path: 'transferee.name', required: true },
    { kind: 'text', path: 'transferee.enterpriseCode', required: true },
    { kind: 'text', path: 'transferee.address', required: true, span: 2 },
    { kind: 'text', path: 'transferee.representativeName', required: true },
    { kind: 'text', path: 'transferee.representativeTitle' },
    { kind: 'heading', path: 'relationTitle' },
    { kind: 'select', path: 'relationship', options: PARTY_RELATIONSHIPS, optionSet: 'relationship', required: true },
    { kind: 'bool', path: 'usesStateCapital' },
  ],
  contract: [
    { kind: 'text', path: 'name', required: true, span: 2 },
    { kind: 'text', path: 'number', required: true },
    { kind: 'date', path: 'signedOn', required: true },
    { kind: 'select', path: 'language', options: CONTRACT_LANGUAGES, optionSet: 'language', required: true },
    { kind: 'date', path: 'termStartOn' },
    { kind: 'date', path: 'termEndOn' },
    { kind: 'text', path: 'termText', span: 2 },
  ],
  technology: [
    { kind: 'text', path: 'name', required: true, span: 2 },
    { kind: 'multiselect', path: 'objects', options: TECHNOLOGY_OBJECTS, optionSet: 'objects', required: true, span: 2 },
    { kind: 'textarea', path: 'description', required: true, span: 2 },
    { kind: 'textarea', path: 'products', required: true, span: 2 },
    { kind: 'text', path: 'standards', span: 2 },
    { kind: 'text', path: 'vsicCode' },
  ],
  transfer: [
    { kind: 'select', path: 'direction', options: TRANSFER_DIRECTIONS, optionSet: 'direction', required: true },
    { kind: 'select', path: 'form', options: TRANSFER_FORMS, optionSet: 'form', required: true },
    {
      kind: 'group',
      path: 'investmentProject',
      when: (values) => values.form === 'investment_project',
      fields: [
        { kind: 'text', path: 'name', required: true, span: 2 },
        { kind: 'text', path: 'certificateNumber', required: true },
        { kind: 'select', path: 'policyDecidedBy', options: POLICY_DECIDERS, optionSet: 'policyDecidedBy', required: true },
      ],
    },
    { kind: 'select', path: 'rights', options: RIGHTS_TYPES, optionSet: 'rights', required: true },
    { kind: 'select', path: 'exclusivity', options: EXCLUSIVITY, optionSet: 'exclusivity', required: true },
    { kind: 'text', path: 'territory', required: true, span: 2 },
    { kind: 'textarea', path: 'method', required: true, span: 2 },
  ],
  price: [
    { kind: 'select', path: 'currency', options: CONTRACT_CURRENCIES, optionSet: 'currency', required: true },
    { kind: 'number', path: 'exchangeRateToVnd', required: true },
    { kind: 'number', path: 'totalValue', required: true },
    {
      kind: 'list',
      path: 'payments',
      addLabel: 'addPayment',
      fields: [
        { kind: 'select', path: 'method', options: PAYMENT_METHODS, optionSet: 'paymentMethod', required: true },
        { kind: 'number', path: 'amount', when: (item) => !isPercent(item) },
        { kind: 'number', path: 'ratePercent', required: true, when: isPercent },
        { kind: 'text', path: 'note', span: 2 },
      ],
    },
    { kind: 'bool', path: 'hasAuditedPrice' },
    { kind: 'bool', path: 'hasIndependentValuation' },
  ],
  equipment: [
    { kind: 'bool', path: 'hasUsedEquipment', span: 2 },
    {
      kind: 'list',
      path: 'items',
      addLabel: 'addEquipment',
      when: (values) => values.hasUsedEquipment === true,
      fields: [
        { kind: 'text', path: 'name', required: true, span: 2 },
        { kind: 'text', path: 'hsCode', required: true },
        { kind: 'country', path: 'originCountry', required: true },
        { kind: 'number', path: 'yearMade', required: true },
        { kind: 'number', path: 'remainingCapacityPercent', required: true },
        { kind: 'number', path: 'consumptionAboveDesignPercent', required: true },
      ],
    },
  ],
};

/** A new, empty item of a list field (payments, equipment). */
export function emptyItem(fields: Field[]): FormValues {
  return fromData(fields, {});
}

/** The inputs' values (strings, booleans, arrays) from the API data of a step (or nothing yet). */
export function fromData(fields: Field[], data: FormValues | undefined): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'heading') continue;
    const value = getPath(data ?? {}, field.path);
    if (field.kind === 'list') setPath(values, field.path, Array.isArray(value) ? value.map((item) => fromData(field.fields, item as FormValues)) : []);
    else if (field.kind === 'group') setPath(values, field.path, fromData(field.fields, value as FormValues | undefined));
    else if (field.kind === 'bool') setPath(values, field.path, value === true);
    else if (field.kind === 'multiselect') setPath(values, field.path, Array.isArray(value) ? value : []);
    else setPath(values, field.path, value === undefined || value === null ? '' : String(value));
  }
  return values;
}

/** The API data of a step from the inputs: empty text left out (the server says what is required), numbers parsed. */
export function toData(fields: Field[], values: FormValues): FormValues {
  const data: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'heading') continue;
    const value = getPath(values, field.path);
    if (field.kind === 'list') {
      if (field.when && !field.when(values)) setPath(data, field.path, []);
      else setPath(data, field.path, ((value as FormValues[]) ?? []).map((item) => toData(field.fields, item)));
    } else if (field.kind === 'group') {
      if (field.when(values)) setPath(data, field.path, toData(field.fields, (value as FormValues) ?? {}));
    } else if (field.kind === 'bool') setPath(data, field.path, value === true);
    else if (field.kind === 'multiselect') setPath(data, field.path, value ?? []);
    else if (field.kind === 'number') {
      const text = String(value ?? '').replace(/\s/g, '').replace(',', '.');
      if (text && (!field.when || field.when(values))) setPath(data, field.path, Number.isFinite(Number(text)) ? Number(text) : text);
    } else {
      const text = String(value ?? '').trim();
      if (text) setPath(data, field.path, text);
    }
  }
  return data;
}

export function getPath(object: FormValues, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as FormValues)[key] : undefined), object);
}

/** Sets a dotted path, creating objects on the way (mutates `object`). */
export function setPath(object: FormValues, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: FormValues = object;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as FormValues;
  }
  node[keys[keys.length - 1]!] = value;
}

/** A copy of `object` with `path` set (for React state). */
export function withPath(object: FormValues, path: string, value: unknown): FormValues {
  const copy = structuredClone(object);
  setPath(copy, path, value);
  return copy;
}
