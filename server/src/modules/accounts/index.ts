export { accountsRoutes } from './accounts.routes.js';
export { createInvitation } from './accounts.service.js';
