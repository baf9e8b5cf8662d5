import { verifyAuditChain } from '../core/audit/audit.js';
import { openConfiguredDatabase, run } from './shared.js';

/** Recomputes the audit hash chain; exit code 2 and the first broken row when it does not hold. */
run(async () => {
  const { database } = await openConfiguredDatabase();
  const report = await verifyAuditChain(database.db);
  await database.close();
  if (report.firstBrokenId === null) {
    console.log(`Audit chain intact: ${report.checked} records verified.`);
    return 0;
  }
  console.error(`Audit chain BROKEN at record ${report.firstBrokenId}: ${report.reason} (${report.checked} records before it verified).`);
  return 2;
});
