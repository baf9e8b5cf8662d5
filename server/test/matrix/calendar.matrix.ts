import { randomInt } from 'node:crypto';
import { ROLES } from '../../../common/src/roles.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';

// Local lists (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
const ADMIN: Caller[] = ['admin'];

/** A weekday in a far year no other entry uses, so each allowed call creates a new day. */
function freshWeekday(): { year: number; day: string } {
  const year = randomInt(2040, 2100);
  const date = new Date(Date.UTC(year, randomInt(0, 12), randomInt(1, 29)));
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  return { year: date.getUTCFullYear(), day: date.toISOString().slice(0, 10) };
}

/** An existing calendar day to correct or delete (inserted before the refused caller's fingerprint is taken). */
async function existingDay(fx: Fixtures): Promise<string> {
  for (;;) {
    const { year, day } = freshWeekday();
    await fx.t.database.query('INSERT INTO calendar_years (year) VALUES ($1) ON CONFLICT (year) DO NOTHING', [year]);
    const [row] = await fx.t.database.query<{ id: string }>(
      `INSERT INTO calendar_days (day, year, kind, name_vi, name_en) VALUES ($1, $2, 'holiday', 'Ngày thử', 'Test day') ON CONFLICT (day) DO NOTHING RETURNING id`,
      [day, year],
    );
    if (row) return row.id;
  }
}

const dayBody = () => {
  const { year, day } = freshWeekday();
  return { year, day, kind: 'holiday', nameVi: 'Ngày nghỉ thử', nameEn: 'Test day off', sourceUrl: null, verified: false, note: null };
};

export const calendarMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/calendar/years': { allow: EVERYONE, request: () => ({ url: '/api/v1/calendar/years' }) },
  'GET /api/v1/calendar/working-days': { allow: EVERYONE, request: () => ({ url: '/api/v1/calendar/working-days?from=2026-02-12&days=5' }) },
  'GET /api/v1/calendar/{year}': { allow: EVERYONE, request: () => ({ url: '/api/v1/calendar/2026' }) },
  'GET /api/v1/calendar/{year}/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/calendar/2026/export?format=csv' }) },
  'PUT /api/v1/calendar/years/{year}': {
    allow: ADMIN,
    request: () => ({ url: `/api/v1/calendar/years/${randomInt(2040, 2100)}`, body: { isComplete: false, noteVi: 'Thử', noteEn: 'Test' } }),
  },
  'POST /api/v1/calendar/days': { allow: ADMIN, request: () => ({ url: '/api/v1/calendar/days', body: dayBody() }) },
  'PUT /api/v1/calendar/days/{id}': {
    allow: ADMIN,
    request: async (fx) => {
      const id = await existingDay(fx);
      const [row] = await fx.t.database.query<{ day: string }>('SELECT day::text AS day FROM calendar_days WHERE id = $1', [id]);
      return { url: `/api/v1/calendar/days/${id}`, body: { ...dayBody(), year: undefined, day: row!.day, nameVi: 'Ngày thử (sửa)' } };
    },
  },
  'DELETE /api/v1/calendar/days/{id}': { allow: ADMIN, request: async (fx) => ({ url: `/api/v1/calendar/days/${await existingDay(fx)}` }) },
};
