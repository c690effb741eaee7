/** Whether the database answers and carries every committed migration. */
import type { Db } from './client.js';

export interface Readiness {
  ready: boolean;
  detail: string;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((text) => text.trim() !== '');
  return line?.trim() ?? 'no reason given';
}

export async function checkReadiness(db: Db, expected: readonly string[]): Promise<Readiness> {
  let applied: { migration_name: string }[];
  try {
    applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations ' +
        'WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
  } catch (error) {
    return {
      ready: false,
      detail: `database unavailable: ${firstLine(error)}`,
    };
  }
  const names = new Set(applied.map((row) => row.migration_name));
  const missing = expected.filter((name) => !names.has(name));
  if (missing.length > 0)
    return { ready: false, detail: `migrations not applied: ${missing.join(', ')}` };
  return { ready: true, detail: 'ok' };
}
