/** Reading DATABASE_URL into a SQLite file or a PostgreSQL database and schema. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/db/target.js';

describe('parseDatabaseUrl', () => {
  it('resolves a relative SQLite path against the working directory', () => {
    expect(parseDatabaseUrl('file:./data/app.db')).toEqual({
      provider: 'sqlite',
      url: 'file:./data/app.db',
      file: path.resolve('data/app.db'),
    });
  });

  it('ignores the query string of a SQLite URL', () => {
    expect(parseDatabaseUrl('file:/var/lib/app.db?mode=rwc')).toMatchObject({
      file: '/var/lib/app.db',
    });
  });

  it('keeps an in-memory SQLite database in memory', () => {
    expect(parseDatabaseUrl('file::memory:')).toMatchObject({ file: ':memory:' });
  });

  it('refuses a SQLite URL without a path', () => {
    expect(() => parseDatabaseUrl('file:?mode=ro')).toThrow(/needs a file path/);
  });

  it('uses the public schema when a PostgreSQL URL names none', () => {
    expect(parseDatabaseUrl('postgresql://u@h/db')).toMatchObject({
      provider: 'postgresql',
      schema: 'public',
    });
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => parseDatabaseUrl('postgresql://u@h/db?schema=a";drop')).toThrow(
      /is not a plain identifier/,
    );
  });

  it('refuses a PostgreSQL URL that cannot be parsed', () => {
    expect(() => parseDatabaseUrl('postgresql://u@h:port/db')).toThrow(/not a valid/);
  });

  it('refuses other databases', () => {
    expect(() => parseDatabaseUrl('mysql://u@h/db')).toThrow(/expected file:<path>/);
  });
});
