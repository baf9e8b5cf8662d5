import type { RiskFlag } from '../../../../../common/src/api/registration-risk.js';

export type {
  RegistrationStatistics,
  StatisticsBucket,
  StatisticsDimension,
  TaxQueryPage,
  TaxQuerySummary,
  TaxQueryThread,
  TaxRegistrationDetail,
  TaxRegistrationItem,
} from '../../../../../common/src/api/registration-oversight.js';
export type { PublicRiskFlag, RiskFlag } from '../../../../../common/src/api/registration-risk.js';

/** A flag as the web receives it: staff see the confidential numbers, tax users do not (the field is absent). */
export type ShownRiskFlag = Omit<RiskFlag, 'confidential'> & { confidential?: RiskFlag['confidential'] };

export const taxRegistrationPath = (caseId: string) => `/tax/registrations/${encodeURIComponent(caseId)}`;
export const taxQueryPath = (queryId: string) => `/registration-tax-queries/${encodeURIComponent(queryId)}`;
