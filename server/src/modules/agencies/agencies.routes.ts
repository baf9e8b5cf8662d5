import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/agencies.js';
import { Ok } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import { agencyColumns, planRoleColumns, planRoleRows } from './agencies.export.js';
import * as agencies from './agencies.service.js';
import * as planRoles from './plan-roles.service.js';

const tags = ['agencies'];
const IdParams = z.object({ id: z.uuid() });

export async function agenciesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/agencies', { schema: { tags, summary: 'Agencies in force on a date (?at=YYYY-MM-DD, default today) or all, with lineage and plan roles', querystring: api.AgencyListQuery, response: { 200: api.AgencyList } } }, async (request) => {
    return agencies.listAgencies(ctxOf(request), request.query);
  });

  r.get('/agencies/export', { schema: { tags, summary: 'Export the agencies as CSV or XLSX (same filters as the list)', querystring: api.AgencyExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const { at, rows } = await agencies.exportAgencies(ctx, request.query);
    const filename = `${translate(ctx.locale, 'agencies.export.filename')}-${request.query.scope === 'all' ? translate(ctx.locale, 'agencies.export.all') : at}`;
    return sendTable(reply, { format: request.query.format, filename, sheetName: translate(ctx.locale, 'agencies.export.sheet'), columns: agencyColumns(ctx.locale), rows });
  });

  r.get('/agencies/:id', { schema: { tags, summary: 'One agency with its predecessors, successors, plan roles over time and linked organisations', params: IdParams, response: { 200: api.AgencyDetail } } }, async (request) => {
    return agencies.getAgency(ctxOf(request), request.params);
  });

  r.post('/agencies', { schema: { tags, summary: 'Register an agency (administrators)', body: api.CreateAgencyInput, response: { 201: api.Agency } } }, async (request, reply) => {
    return reply.status(201).send(await agencies.createAgency(ctxOf(request), request.body));
  });

  r.patch('/agencies/:id', { schema: { tags, summary: 'Edit an agency (administrators)', params: IdParams, body: api.UpdateAgencyInput, response: { 200: api.Agency } } }, async (request) => {
    return agencies.updateAgency(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post('/agencies/:id/end', { schema: { tags, summary: 'End an agency still in force; its open plan roles end the same day (administrators)', params: IdParams, body: api.EndAgencyInput, response: { 200: api.Agency } } }, async (request) => {
    return agencies.endAgency(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post('/agencies/:id/lineage', { schema: { tags, summary: 'Record that this agency was merged, absorbed, renamed… into a successor (administrators)', params: IdParams, body: api.LineageEventInput, response: { 201: api.LineageEvent } } }, async (request, reply) => {
    return reply.status(201).send(await agencies.recordLineageEvent(ctxOf(request), { ...request.params, ...request.body }));
  });

  r.delete('/agency-lineage/:eventId', { schema: { tags, summary: 'Remove a lineage event recorded by mistake (administrators)', params: z.object({ eventId: z.uuid() }), response: { 200: Ok } } }, async (request) => {
    await agencies.deleteLineageEvent(ctxOf(request), request.params);
    return { ok: true as const };
  });

  r.get('/plan-roles', { schema: { tags, summary: 'Plan roles (duties of plan section IV) with their holders on a date and all assignments', querystring: api.PlanRoleListQuery, response: { 200: api.PlanRoleList } } }, async (request) => {
    return planRoles.listPlanRoles(ctxOf(request), request.query);
  });

  r.get('/plan-roles/export', { schema: { tags, summary: 'Export the plan role assignments as CSV or XLSX', querystring: api.PlanRoleExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const { at, items } = await planRoles.listPlanRoles(ctx, request.query);
    return sendTable(reply, {
      format: request.query.format,
      filename: `${translate(ctx.locale, 'agencies.export.rolesFilename')}-${at}`,
      sheetName: translate(ctx.locale, 'agencies.export.rolesSheet'),
      columns: planRoleColumns(ctx.locale, at),
      rows: planRoleRows(items),
    });
  });

  r.post('/plan-roles/:code/assignments', { schema: { tags, summary: 'Assign a plan role to an agency for a period (administrators)', params: z.object({ code: api.PlanRoleCode }), body: api.AssignPlanRoleInput, response: { 201: api.PlanRoleAssignment } } }, async (request, reply) => {
    return reply.status(201).send(await planRoles.assignPlanRole(ctxOf(request), { ...request.params, ...request.body }));
  });

  r.post('/plan-role-assignments/:id/end', { schema: { tags, summary: 'End a plan role assignment (administrators)', params: IdParams, body: api.EndAssignmentInput, response: { 200: api.PlanRoleAssignment } } }, async (request) => {
    return planRoles.endAssignment(ctxOf(request), { ...request.params, ...request.body });
  });
}
