/** The server process from a cold start: first reseller, its key in the log, clean shutdown. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const root = path.resolve(import.meta.dirname, '..');
const keyPattern = /htir_[0-9A-Za-z]{32}/;

interface LogLine {
  level: number;
  msg: string;
  key?: string;
}

interface RunningServer {
  child: ChildProcess;
  url: string;
  lines: LogLine[];
  rawLines: string[];
}

let db: TestDatabase;
let dataDir: string;
const children = new Set<ChildProcess>();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

function parseLine(line: string): LogLine | undefined {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
}

/** Starts `tsx src/main.ts` and resolves once it logs 'listening'. */
async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));

  const rawLines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const listening = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      rawLines.push(line);
      if (parseLine(line)?.msg === 'listening') resolve();
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${code} before listening:\n${stderr}`));
    });
  });
  await listening;
  const lines = rawLines.flatMap((line) => parseLine(line) ?? []);
  return { child, url: `http://127.0.0.1:${port}`, lines, rawLines };
}

/** Sends SIGTERM; resolves with the exit code, or 'timeout' after 15 s. */
function stopServer(child: ChildProcess): Promise<number | null | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve('timeout');
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

function meta(url: string, key: string): Promise<Response> {
  return fetch(`${url}/api/reseller/v1/meta`, { headers: { authorization: `Bearer ${key}` } });
}

beforeAll(() => {
  db = createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'hithisis-first-start-'));
});

afterAll(async () => {
  const stopping = [...children].map(async (child) => {
    if ((await stopServer(child)) === 'timeout') child.kill('SIGKILL');
  });
  await Promise.all(stopping);
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

let firstKey = '';

describe('the first start on an empty database', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
    firstKey = server.lines.find((line) => line.key !== undefined)?.key ?? '';
  });

  it('logs the first reseller’s API key on exactly one line', () => {
    const withKey = server.rawLines.filter((line) => keyPattern.test(line));

    expect(withKey).toHaveLength(1);
    expect(firstKey).toMatch(keyPattern);
    expect(server.lines).toContainEqual(expect.objectContaining({ level: 30, key: firstKey }));
  });

  it('serves the API to that key', async () => {
    const response = await meta(server.url, firstKey);

    expect(response.status).toBe(200);
  });

  it('generates a secrets key into the data folder', () => {
    expect(existsSync(path.join(dataDir, 'secrets.key'))).toBe(true);
  });

  it('exits with code 0 within 15 s of SIGTERM', async () => {
    expect(await stopServer(server.child)).toBe(0);
  });
});

describe('a second start on the same database', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
  });

  it('logs no API key', () => {
    expect(server.rawLines.filter((line) => /htir_/.test(line))).toEqual([]);
  });

  it('still serves the key from the first start', async () => {
    const response = await meta(server.url, firstKey);

    expect(response.status).toBe(200);
  });
});
