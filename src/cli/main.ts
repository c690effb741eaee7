/**
 * The admin command: resellers, API keys and migrations.
 *   npm run --silent admin -- <command> [args] [--json]
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/client.js';
import type { DatabaseTarget } from '../db/target.js';
import { migrateWhenBehind } from '../db/migrations.js';
import { ApiError } from '../errors.js';
import { commands, usage, type CommandIO } from './commands.js';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { name: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`, 2);
  }
})();

const [group = '', action = '', ...rest] = positionals;
const command = commands[`${group} ${action}`.trim()];
if (!command) fail(usage, 2);

async function migrateOrExit(target: DatabaseTarget): Promise<void> {
  try {
    await migrateWhenBehind(target);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? '';
    const hint = target.provider === 'sqlite' ? ' (is a server using this SQLite file?)' : '';
    fail(`Could not apply migrations${hint}: ${reason}`, 1);
  }
}

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`, 1);
  throw error;
}

await migrateOrExit(config.database);
const db = createDb(config.database);
const io: CommandIO = {
  db,
  args: rest,
  name: values.name,
  json: values.json,
  print: (line) => process.stdout.write(`${line}\n`),
};
try {
  await command.run(io);
} catch (error) {
  if (error instanceof ApiError) fail(error.message, error.code === 'NOT_FOUND' ? 3 : 2);
  throw error;
} finally {
  await db.$disconnect();
}
// On PostgreSQL the schema engine leaves a 10 s timer behind; the command is done, so exit now.
process.exit(0);
