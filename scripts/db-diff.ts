// Creates the next migration for both providers from prisma/models.prisma:
//   npm run db:diff -- --name add_clients
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createMigration } from '../src/db/migrations.js';

const { values } = parseArgs({ options: { name: { type: 'string' } } });
const name = values.name ?? '';
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- --name <snake_case_name>');
  process.exit(2);
}

execFileSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' });

const now = new Date();
for (const provider of ['sqlite', 'postgresql'] as const) {
  const dir = await createMigration(provider, name, now);
  console.log(`${provider}: ${dir ?? 'no changes to the model'}`);
}
