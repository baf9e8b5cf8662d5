import { migrate } from '../core/db/migrate.js';
import { openConfiguredDatabase, run } from './shared.js';

run(async () => {
  const { database } = await openConfiguredDatabase();
  const applied = await migrate(database);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  await database.close();
});
