export { filingRoutes } from './filing.routes.js';
export { processingRoutes } from './processing.routes.js';
export { registrationCheckRoutes } from './registration-check.routes.js';
export { checkRegistration } from './registration-check.service.js';
export {
  issueCertificate,
  issueRefusal,
  revokeCertificate,
  type IssueCertificateInput,
  type IssuedCertificate,
  type IssueRefusalInput,
  type RevokeCertificateInput,
} from './certificates.service.js';
export { computeRiskFlags, dossierSectorCode, type ComputeRiskFlagsInput } from './risk-flags.service.js';
export { certificatesRoutes } from './certificates.routes.js';
export { caseDecision, verifyCertificate } from './verification.service.js';
export { oversightRoutes } from './oversight.routes.js';
export { seedRegistrationDemo, type DemoUser } from './registration.seed.js';
