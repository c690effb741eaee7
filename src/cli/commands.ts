/** What each admin command does; main.ts parses arguments and opens the database. */
import { systemClock } from '../clock.js';
import type { Db } from '../db/client.js';
import {
  createApiKey,
  createReseller,
  listResellers,
  revokeApiKey,
  rotateApiKey,
  setResellerStatus,
  type IssuedKey,
} from '../domain/account/service.js';
import { ApiError } from '../errors.js';

export interface CommandIO {
  db: Db;
  args: string[];
  name: string | undefined;
  json: boolean;
  print(line: string): void;
}

interface Command {
  run(io: CommandIO): Promise<void>;
}

export const usage = `usage: admin <command>
  reseller create --name <name> [--json]
  reseller list [--json]
  reseller suspend <reseller_id>
  reseller activate <reseller_id>
  key create <reseller_id> [--json]
  key rotate <reseller_id> [--json]
  key revoke <key_prefix>
  db migrate`;

function argument(io: CommandIO, what: string): string {
  const value = io.args[0];
  if (!value) throw new ApiError('VALIDATION_FAILED', `missing ${what}\n\n${usage}`);
  return value;
}

function printKey(io: CommandIO, issued: IssuedKey, what: string): void {
  if (io.json) {
    io.print(JSON.stringify({ reseller_id: issued.resellerId, api_key: issued.apiKey }));
    return;
  }
  io.print(`${what} for reseller ${issued.resellerId}`);
  io.print(`API key (shown only this once): ${issued.apiKey}`);
}

export const commands: Record<string, Command> = {
  'reseller create': {
    run: async (io) => {
      if (io.name === undefined)
        throw new ApiError('VALIDATION_FAILED', `--name is required\n\n${usage}`);
      printKey(io, await createReseller(io.db, io.name), 'Created');
    },
  },
  'reseller list': {
    run: async (io) => {
      const resellers = await listResellers(io.db);
      const rows = resellers.map((r) => ({
        reseller_id: r.id,
        name: r.name,
        status: r.status,
        created_at: Math.floor(r.createdAt.getTime() / 1000),
        active_keys: r.apiKeys.map((k) => k.prefix),
      }));
      if (io.json) {
        io.print(JSON.stringify(rows));
        return;
      }
      for (const row of rows) {
        io.print(
          [
            row.reseller_id,
            row.status.padEnd(9),
            row.name,
            `keys: ${row.active_keys.join(', ') || 'none'}`,
          ].join('  '),
        );
      }
    },
  },
  'reseller suspend': {
    run: async (io) => {
      const reseller = await setResellerStatus(io.db, argument(io, 'reseller_id'), 'suspended');
      io.print(`Suspended ${reseller.id}: its keys now answer 403`);
    },
  },
  'reseller activate': {
    run: async (io) => {
      const reseller = await setResellerStatus(io.db, argument(io, 'reseller_id'), 'active');
      io.print(`Activated ${reseller.id}`);
    },
  },
  'key create': {
    run: async (io) => {
      printKey(io, await createApiKey(io.db, argument(io, 'reseller_id')), 'New key');
    },
  },
  'key rotate': {
    run: async (io) => {
      const issued = await rotateApiKey(io.db, argument(io, 'reseller_id'), systemClock);
      printKey(io, issued, 'Rotated: every older key is revoked. New key');
    },
  },
  'key revoke': {
    run: async (io) => {
      const key = await revokeApiKey(io.db, argument(io, 'key_prefix'), systemClock);
      io.print(`Revoked ${key.prefix} of reseller ${key.resellerId}`);
    },
  },
  'db migrate': {
    // main.ts applies any pending migration before a command runs.
    run: (io) => {
      io.print('Database is up to date');
      return Promise.resolve();
    },
  },
};
