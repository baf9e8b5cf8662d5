export { agenciesRoutes } from './agencies.routes.js';
export { seedAgencies } from './agencies.seed.js';
export { agenciesOn, currentSuccessor, findAgencySummary } from './agencies.service.js';
export { resolvePlanRole } from './plan-roles.service.js';
