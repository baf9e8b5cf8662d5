export { catalogRoutes } from './catalog.routes.js';
export { seedCatalog } from './catalog.seed.js';
export { vietnamToday } from './catalog.service.js';
