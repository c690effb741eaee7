/** Where the data lives: a SQLite file (the default) or a PostgreSQL database and schema. */
import path from 'node:path';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string; connectionString: string; schema: string };

export type Provider = DatabaseTarget['provider'];

const schemaName = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Reads `file:<path>` (SQLite) or `postgres[ql]://…[?schema=<name>]`; throws on anything else. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length).split('?')[0] ?? '';
    if (file === '')
      throw new Error('a SQLite URL needs a file path, e.g. file:./data/hithisis.db');
    return { provider: 'sqlite', url, file: file === ':memory:' ? file : path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return parsePostgresUrl(url);
  throw new Error('expected file:<path> for SQLite or postgresql://… for PostgreSQL');
}

function parsePostgresUrl(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a valid PostgreSQL URL');
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!schemaName.test(schema)) throw new Error(`schema "${schema}" is not a plain identifier`);
  parsed.searchParams.delete('schema');
  return { provider: 'postgresql', url, connectionString: parsed.toString(), schema };
}
