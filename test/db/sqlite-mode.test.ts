/** The embedded SQLite database runs in write-ahead-log mode, so reads go on during a write. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(testProvider !== 'sqlite')('the SQLite database', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('is in WAL journal mode', async () => {
    const rows =
      await server.app.db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');

    expect(rows[0]?.journal_mode).toBe('wal');
  });
});
