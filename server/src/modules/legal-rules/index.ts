export { legalRulesRoutes } from './legal-rules.routes.js';
export { seedLegalRules } from './legal-rules.seed.js';
export { rule, ruleAuthorityTable, ruleFee, ruleNumber, ruleOfKind, type RuleInForce } from './legal-rules.service.js';
export { computeFee, resolveCompetentAuthority, valueInForce, type AuthorityAnswer, type AuthorityInput } from './rule-values.js';
