export { classificationRoutes } from './classification.routes.js';
export { classify, type ClassifyInput } from './classification.service.js';
