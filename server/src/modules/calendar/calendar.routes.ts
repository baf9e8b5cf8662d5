import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/calendar.js';
import { Ok } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './calendar.service.js';

const tags = ['calendar'];
// Administrators change this data from the web app: browsers revalidate every time (answers come from the in-memory cache).
const revalidate = 'no-cache';
const IdParams = z.object({ id: z.uuid() });

type DayRow = Awaited<ReturnType<typeof service.createDay>>;
const toDay = (row: DayRow): api.CalendarDay => ({
  id: row.id,
  day: row.day,
  year: row.year,
  kind: row.kind,
  nameVi: row.nameVi,
  nameEn: row.nameEn,
  sourceUrl: row.sourceUrl,
  verified: row.verified,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});
const toYear = (row: Awaited<ReturnType<typeof service.saveYear>>): api.CalendarYearSummary => ({
  ...row,
  dayCount: Number(row.dayCount),
  unverifiedCount: Number(row.unverifiedCount),
});

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/calendar/years', { schema: { tags, summary: 'Years of the working-day calendar and whether each is complete', response: { 200: api.CalendarYearList } } }, async (request, reply) => {
    reply.header('cache-control', revalidate);
    return { years: (await service.listYears(ctxOf(request))).map(toYear) };
  });

  r.get('/calendar/working-days', { schema: { tags, summary: 'Add working days to a date (?from=&days=) or count them between two dates (?from=&to=)', querystring: api.WorkingDaysQuery, response: { 200: api.WorkingDaysAnswer } } }, async (request, reply) => {
    reply.header('cache-control', revalidate);
    return service.computeWorkingDays(ctxOf(request), request.query);
  });

  r.get('/calendar/:year', { schema: { tags, summary: "One year's official days off and working Saturdays, with sources", params: api.CalendarYearParam, response: { 200: api.CalendarYear } } }, async (request, reply) => {
    reply.header('cache-control', revalidate);
    const year = await service.getYear(ctxOf(request), request.params);
    return { ...toYear(year), days: year.days.map(toDay) };
  });

  r.get('/calendar/:year/export', { schema: { tags, summary: "Export one year's days as CSV or XLSX", params: api.CalendarYearParam, querystring: api.ExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const year = await service.exportYear(ctx, request.params);
    const header = (key: string) => translate(ctx.locale, `calendar.export.${key}`);
    return sendTable(reply, {
      format: request.query.format,
      filename: `${header('filename')}-${year.year}`,
      sheetName: String(year.year),
      columns: [
        { header: header('date'), value: (d) => d.day, width: 12 },
        { header: header('kind'), value: (d) => translate(ctx.locale, `calendar.kinds.${d.kind}`), width: 26 },
        { header: header('nameVi'), value: (d) => d.nameVi, width: 48 },
        { header: header('nameEn'), value: (d) => d.nameEn, width: 48 },
        { header: header('verified'), value: (d) => d.verified, width: 10 },
        { header: header('source'), value: (d) => d.sourceUrl, width: 60 },
        { header: header('note'), value: (d) => d.note, width: 30 },
      ],
      rows: year.days,
    });
  });

  r.put('/calendar/years/:year', { schema: { tags, summary: 'Create a year or mark its schedule announced (administrators)', params: api.CalendarYearParam, body: api.SaveCalendarYearInput, response: { 200: api.CalendarYearSummary } } }, async (request) => {
    return toYear(await service.saveYear(ctxOf(request), { ...request.params, ...request.body }));
  });

  r.post('/calendar/days', { schema: { tags, summary: 'Add a day off or a working Saturday (administrators)', body: api.CreateCalendarDayInput, response: { 201: api.CalendarDay } } }, async (request, reply) => {
    return reply.status(201).send(toDay(await service.createDay(ctxOf(request), request.body)));
  });

  r.put('/calendar/days/:id', { schema: { tags, summary: 'Correct a calendar day (administrators)', params: IdParams, body: api.UpdateCalendarDayInput, response: { 200: api.CalendarDay } } }, async (request) => {
    return toDay(await service.updateDay(ctxOf(request), { ...request.params, ...request.body }));
  });

  r.delete('/calendar/days/:id', { schema: { tags, summary: 'Remove a calendar day (administrators)', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await service.deleteDay(ctxOf(request), request.params);
    return { ok: true as const };
  });
}
