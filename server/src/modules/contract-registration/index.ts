export { registrationCheckRoutes } from './registration-check.routes.js';
export { checkRegistration } from './registration-check.service.js';
