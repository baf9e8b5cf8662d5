import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/organisations.js';
import { Ok, pageOf } from '../../../../common/src/api/shared.js';
import type { Role } from '../../../../common/src/roles.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './organisations.service.js';

const tags = ['organisations'];
const IdParams = z.object({ id: z.uuid() });

type OrgRow = Awaited<ReturnType<typeof service.getOrganisation>>;
const toOrganisation = (o: OrgRow): z.infer<typeof api.Organisation> => ({ ...o, createdAt: o.createdAt.toISOString() });
const toInvitation = (i: { id: string; email: string; role: string; organisationId: string | null; expiresAt: Date; createdAt: Date }) => ({
  ...i,
  role: i.role as Role,
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});
const toMember = (m: { userId: string; name: string; email: string; role: string; status: 'active' | 'disabled'; joinedAt: Date }) => ({
  ...m,
  role: m.role as Role,
  joinedAt: m.joinedAt.toISOString(),
});

export async function organisationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/organisations', { schema: { tags, summary: 'List organisations (administrators)', querystring: api.OrganisationListQuery, response: { 200: pageOf(api.Organisation) } } }, async (request) => {
    const { rows, total } = await service.listOrganisations(ctxOf(request), request.query);
    return { items: rows.map(toOrganisation), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.post('/organisations', { schema: { tags, summary: 'Register an organisation (administrators)', body: api.CreateOrganisationInput, response: { 201: api.Organisation } } }, async (request, reply) => {
    const row = await service.createOrganisation(ctxOf(request), request.body);
    return reply.status(201).send(toOrganisation(row));
  });

  r.patch('/organisations/:id/agency', { schema: { tags, summary: 'Link an agency organisation to its agency record (administrators)', params: IdParams, body: api.LinkAgencyInput, response: { 200: api.Organisation } } }, async (request) => {
    return toOrganisation(await service.linkOrganisationAgency(ctxOf(request), { ...request.params, ...request.body }));
  });

  r.get('/organisations/:id', { schema: { tags, summary: 'One organisation (its members and administrators)', params: IdParams, response: { 200: api.Organisation } } }, async (request) => {
    return toOrganisation(await service.getOrganisation(ctxOf(request), request.params));
  });

  r.get('/organisations/:id/members', { schema: { tags, summary: 'Members and pending invitations', params: IdParams, response: { 200: api.MembersView } } }, async (request) => {
    const view = await service.getMembersView(ctxOf(request), request.params);
    return { organisation: toOrganisation(view.organisation), members: view.members.map(toMember), invitations: view.invitations.map(toInvitation), canManage: view.canManage };
  });

  r.post('/organisations/:id/invitations', { schema: { tags, summary: 'Invite a colleague', params: IdParams, body: api.InviteInput, response: { 201: api.PendingInvitation } } }, async (request, reply) => {
    const invitation = await service.inviteMember(ctxOf(request), { ...request.params, ...request.body });
    return reply.status(201).send(toInvitation(invitation));
  });

  r.delete('/organisations/:id/invitations/:invitationId', { schema: { tags, summary: 'Withdraw an invitation', params: IdParams.extend({ invitationId: z.uuid() }), response: { 200: Ok } } }, async (request) => {
    await service.revokeInvitation(ctxOf(request), request.params);
    return { ok: true as const };
  });

  r.patch('/organisations/:id/members/:userId', { schema: { tags, summary: "Change a member's role", params: IdParams.extend({ userId: z.uuid() }), body: api.ChangeMemberRoleInput, response: { 200: api.Member } } }, async (request) => {
    return toMember(await service.changeMemberRole(ctxOf(request), { ...request.params, ...request.body }));
  });

  r.delete('/organisations/:id/members/:userId', { schema: { tags, summary: 'Remove a member', params: IdParams.extend({ userId: z.uuid() }), response: { 200: Ok } } }, async (request) => {
    await service.removeMember(ctxOf(request), request.params);
    return { ok: true as const };
  });
}
