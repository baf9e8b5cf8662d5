export { notificationsRoutes } from './notifications.routes.js';
export { notify, type NotifyInput } from './notifications.service.js';
export type { NotificationParams } from './notifications.tables.js';
/** Recipient helpers live with the users (their SQL); re-exported here so callers find them next to notify. */
export { memberIdsOf, userIdsWithPermission } from '../users/index.js';
