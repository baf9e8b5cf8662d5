import { randomUUID } from 'node:crypto';
import { ROLES } from '../../../common/src/roles.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';

// Local list (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const SIGNED_IN: Caller[] = [...ROLES];

/** One unread notification of the caller (a random id for the visitor, who is refused before any lookup). */
async function myNotification(fx: Fixtures): Promise<string> {
  if (!fx.me) return randomUUID();
  const [row] = await fx.t.database.query<{ id: string }>(`INSERT INTO notifications (user_id, kind, params, link) VALUES ($1, 'registration.submitted', '{"referenceNo":"CGCN-2026-00001"}', '/notifications') RETURNING id`, [fx.me.id]);
  return row!.id;
}

/** Every signed-in user reads and marks their own notifications (notifications.read); the visitor is refused. */
export const notificationsMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/notifications': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/notifications?page=1&pageSize=5' }) },
  'GET /api/v1/notifications/unread-count': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/notifications/unread-count' }) },
  'POST /api/v1/notifications/{id}/read': { allow: SIGNED_IN, request: async (fx) => ({ url: `/api/v1/notifications/${await myNotification(fx)}/read` }) },
  'POST /api/v1/notifications/read-all': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/notifications/read-all' }) },
};
