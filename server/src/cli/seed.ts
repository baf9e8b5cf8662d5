import { migrate } from '../core/db/migrate.js';
import { seedDemo, seedDemoRegistrations, seedReference } from '../seeds/seed.js';
import { seedDemoExchange } from '../seeds/seed-exchange.js';
import { openConfiguredDatabase, run } from './shared.js';

run(async () => {
  const { config, database } = await openConfiguredDatabase();
  await migrate(database);
  await seedReference(database);
  console.log('Reference data seeded.');
  if (config.SEED_DEMO && config.NODE_ENV !== 'production') {
    const accounts = await seedDemo(database, { memoryCost: config.ARGON2_MEMORY_KIB, timeCost: config.ARGON2_ITERATIONS }, config);
    const registrations = await seedDemoRegistrations(database, config);
    const exchange = await seedDemoExchange(database);
    console.log(`Demo data seeded (${accounts.length} accounts, ${registrations} new registrations, ${exchange.listings} new exchange listings, ${exchange.connections} new connections).`);
  }
  await database.close();
});
