import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, testConfig, type TestApp } from '../../../test/harness.js';
import { ANONYMOUS, inTransaction, type Ctx } from '../context.js';
import { recordAudit, verifyAuditChain } from './audit.js';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  ctx = { db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'vi', requestId: randomUUID(), ip: '127.0.0.1', config: testConfig() };
});
afterAll(() => t.close());

async function append(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'test.event', objectType: 'thing', objectId: String(i), summary: { b: i, a: 'Hải Phòng', nested: { z: 1, y: [1, 2] } } }));
  }
}

describe('audit trail (T-L2)', () => {
  it('chains records by hash and verifies the whole chain', async () => {
    await append(5);
    const report = await verifyAuditChain(t.database.db);
    expect(report.firstBrokenId).toBeNull();
    expect(report.checked).toBeGreaterThanOrEqual(5);
  });

  it('is written in the same transaction as the change: a rolled-back change leaves no record', async () => {
    const before = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    await expect(
      inTransaction(ctx, async (tx) => {
        await recordAudit(tx, { action: 'test.rolled_back' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const after = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(t.database.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.database.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.database.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('names the first altered record when someone with owner rights edits the table', async () => {
    await append(3);
    const rows = await t.database.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id');
    const victim = Number(rows[rows.length - 2]!.id); // pg returns bigint as text
    await t.database.execScript(
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
       UPDATE audit_events SET summary = '{"tampered": true}' WHERE id = ${victim};
       ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`,
    );
    const report = await verifyAuditChain(t.database.db);
    expect(report.firstBrokenId).toBe(victim);
    expect(report.reason).toMatch(/altered/);
  });

  it('names the record after a deleted one', async () => {
    const rows = await t.database.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id');
    const first = Number(rows[0]!.id);
    await t.database.execScript(
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
       DELETE FROM audit_events WHERE id = ${first};
       ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`,
    );
    const report = await verifyAuditChain(t.database.db);
    expect(report.firstBrokenId).toBe(Number(rows[1]!.id));
    expect(report.reason).toMatch(/removed/);
  });
});
