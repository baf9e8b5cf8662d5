import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/admin.js';
import { PendingInvitation, StaffInviteInput } from '../../../../common/src/api/organisations.js';
import { pageOf } from '../../../../common/src/api/shared.js';
import type { Role } from '../../../../common/src/roles.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './users.service.js';

const tags = ['administration'];
type Row = Awaited<ReturnType<typeof service.setUserStatus>>;
const toUser = (u: Row): z.infer<typeof api.UserSummary> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  emailVerified: u.emailVerifiedAt !== null,
  totpEnabled: u.totpEnabledAt !== null,
  roles: u.roles,
  createdAt: u.createdAt.toISOString(),
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
});

export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/users', { schema: { tags, summary: 'List user accounts', querystring: api.UserListQuery, response: { 200: pageOf(api.UserSummary) } } }, async (request) => {
    const { rows, total } = await service.listUsers(ctxOf(request), request.query);
    return { items: rows.map(toUser), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.patch('/users/:id/status', { schema: { tags, summary: 'Disable or enable an account', params: z.object({ id: z.uuid() }), body: api.SetUserStatusInput, response: { 200: api.UserSummary } } }, async (request) => {
    return toUser(await service.setUserStatus(ctxOf(request), { ...request.params, ...request.body }));
  });

  r.post('/invitations', { schema: { tags, summary: 'Invite a staff member', body: StaffInviteInput, response: { 201: PendingInvitation } } }, async (request, reply) => {
    const invitation = await service.inviteStaff(ctxOf(request), request.body);
    return reply.status(201).send({ ...invitation, role: invitation.role as Role, expiresAt: invitation.expiresAt.toISOString(), createdAt: invitation.createdAt.toISOString() });
  });

  r.get('/roles', { schema: { tags, summary: 'Role → permission table', response: { 200: api.RolePermissions } } }, async (request) => {
    return service.getRolePermissions(ctxOf(request));
  });
}
