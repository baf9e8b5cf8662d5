import * as viErrors from './vi/errors.js';
import * as enErrors from './en/errors.js';
import { mail as viMail } from './vi/mail.js';
import { mail as enMail } from './en/mail.js';
import { notifications as viNotifications } from './vi/notifications.js';
import { notifications as enNotifications } from './en/notifications.js';
import { webCases as viWebCases } from './vi/web-cases.js';
import { webCases as enWebCases } from './en/web-cases.js';
import { webNotifications as viWebNotifications } from './vi/web-notifications.js';
import { webNotifications as enWebNotifications } from './en/web-notifications.js';
import * as viRoles from './vi/roles.js';
import * as enRoles from './en/roles.js';
import { web as viWeb } from './vi/web.js';
import { web as enWeb } from './en/web.js';
import { webAdmin as viWebAdmin } from './vi/web-admin.js';
import { webAdmin as enWebAdmin } from './en/web-admin.js';
import { webClassification as viWebClassification } from './vi/web-classification.js';
import { webClassification as enWebClassification } from './en/web-classification.js';
import { webLists as viWebLists } from './vi/web-lists.js';
import { webLists as enWebLists } from './en/web-lists.js';
import { webAgencies as viWebAgencies } from './vi/web-agencies.js';
import { webAgencies as enWebAgencies } from './en/web-agencies.js';
import { webReferenceRules as viWebReferenceRules } from './vi/web-reference-rules.js';
import { webReferenceRules as enWebReferenceRules } from './en/web-reference-rules.js';
import { webCatalogWork as viWebCatalogWork } from './vi/web-catalog-work.js';
import { webCatalogWork as enWebCatalogWork } from './en/web-catalog-work.js';
import { webRegistrationCheck as viWebRegistrationCheck } from './vi/web-registration-check.js';
import { webRegistrationCheck as enWebRegistrationCheck } from './en/web-registration-check.js';
import { webRegistrationProcessing as viWebRegistrationProcessing } from './vi/web-registration-processing.js';
import { webRegistrationProcessing as enWebRegistrationProcessing } from './en/web-registration-processing.js';
import { webRegistrationCertificates as viWebRegistrationCertificates } from './vi/web-registration-certificates.js';
import { webRegistrationCertificates as enWebRegistrationCertificates } from './en/web-registration-certificates.js';
import { webRegistrationFiling as viWebRegistrationFiling } from './vi/web-registration-filing.js';
import { webRegistrationFiling as enWebRegistrationFiling } from './en/web-registration-filing.js';
import { webRegistrationOversight as viWebRegistrationOversight } from './vi/web-registration-oversight.js';
import { webRegistrationOversight as enWebRegistrationOversight } from './en/web-registration-oversight.js';

import { webExchange as viWebExchange } from './vi/web-exchange.js';
import { webExchange as enWebExchange } from './en/web-exchange.js';
import { webExchangeListings as viWebExchangeListings } from './vi/web-exchange-listings.js';
import { webExchangeListings as enWebExchangeListings } from './en/web-exchange-listings.js';
import { webExchangeReview as viWebExchangeReview } from './vi/web-exchange-review.js';
import { webExchangeReview as enWebExchangeReview } from './en/web-exchange-review.js';
import { webExchangeDetail as viWebExchangeDetail } from './vi/web-exchange-detail.js';
import { webExchangeDetail as enWebExchangeDetail } from './en/web-exchange-detail.js';
import { webExchangeSearch as viWebExchangeSearch } from './vi/web-exchange-search.js';
import { webExchangeSearch as enWebExchangeSearch } from './en/web-exchange-search.js';
import { webExchangeSaved as viWebExchangeSaved } from './vi/web-exchange-saved.js';
import { webExchangeSaved as enWebExchangeSaved } from './en/web-exchange-saved.js';
import { webExchangeMatching as viWebExchangeMatching } from './vi/web-exchange-matching.js';
import { webExchangeMatching as enWebExchangeMatching } from './en/web-exchange-matching.js';
import { webExchangeConnections as viWebExchangeConnections } from './vi/web-exchange-connections.js';
import { webExchangeConnections as enWebExchangeConnections } from './en/web-exchange-connections.js';
import { webExchangeStatistics as viWebExchangeStatistics } from './vi/web-exchange-statistics.js';
import { webExchangeStatistics as enWebExchangeStatistics } from './en/web-exchange-statistics.js';

/** Message catalogs, Vietnamese first. One i18next namespace ("translation") with these top-level keys. */
export const resources = {
  vi: {
    translation: {
      errors: viErrors.errors,
      validation: viErrors.validation,
      mail: viMail,
      notifications: viNotifications,
      roles: viRoles.roles,
      organisationKinds: viRoles.organisationKinds,
      ...viWeb,
      ...viWebCases,
      ...viWebNotifications,
      ...viWebAdmin,
      ...viWebClassification,
      ...viWebLists,
      ...viWebCatalogWork,
      ...viWebAgencies,
      ...viWebReferenceRules,
      ...viWebRegistrationCheck,
      ...viWebRegistrationOversight,
      ...viWebRegistrationProcessing,
      ...viWebRegistrationCertificates,
      ...viWebRegistrationFiling,
      ...viWebExchange,
      ...viWebExchangeListings,
      ...viWebExchangeReview,
      ...viWebExchangeDetail,
      ...viWebExchangeSearch,
      ...viWebExchangeSaved,
      ...viWebExchangeMatching,
      ...viWebExchangeConnections,
      ...viWebExchangeStatistics,
    },
  },
  en: {
    translation: {
      errors: enErrors.errors,
      validation: enErrors.validation,
      mail: enMail,
      notifications: enNotifications,
      roles: enRoles.roles,
      organisationKinds: enRoles.organisationKinds,
      ...enWeb,
      ...enWebCases,
      ...enWebNotifications,
      ...enWebAdmin,
      ...enWebClassification,
      ...enWebLists,
      ...enWebCatalogWork,
      ...enWebAgencies,
      ...enWebReferenceRules,
      ...enWebRegistrationCheck,
      ...enWebRegistrationOversight,
      ...enWebRegistrationProcessing,
      ...enWebRegistrationCertificates,
      ...enWebRegistrationFiling,
      ...enWebExchange,
      ...enWebExchangeListings,
      ...enWebExchangeReview,
      ...enWebExchangeDetail,
      ...enWebExchangeSearch,
      ...enWebExchangeSaved,
      ...enWebExchangeMatching,
      ...enWebExchangeConnections,
      ...enWebExchangeStatistics,
    },
  },
} as const;

export type Catalog = (typeof resources)['vi']['translation'];

/** Looks up a dotted key and fills `{{name}}` placeholders. Used by the server for errors and e-mails. */
export function translate(locale: 'vi' | 'en', key: string, params: Record<string, unknown> = {}): string {
  let node: unknown = resources[locale].translation;
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
