import { pino } from 'pino';
import { createApp } from './src/app.js';
import { loadConfig } from './src/config.js';
import { createReseller } from './src/domain/account/service.js';
import { rmSync } from 'node:fs';
rmSync('/tmp/load.db', { force: true }); rmSync('/tmp/load.db-wal', { force: true }); rmSync('/tmp/load.db-shm', { force: true });
const url = process.argv[2] ?? 'file:/tmp/load.db';
const app = await createApp({ config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '1000000' }), log: pino({ level: 'warn' }) });
const base = await app.listen(0, '127.0.0.1');
const { apiKey } = await createReseller(app.db, 'L');
const h = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
const statuses: Record<number, number> = {};
const ids: string[] = [];
await Promise.all(Array.from({ length: 32 }, async (_, w) => {
  for (let i = 0; i < 20; i++) {
    const r = await fetch(`${base}/api/reseller/v1/clients`, { method: 'POST', headers: h, body: JSON.stringify({ name: `W${w}-${i}` }) });
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const j = await r.json() as { id?: string };
    if (j.id) ids.push(j.id);
  }
}));
await Promise.all(ids.slice(0, 64).map(async (id) => {
  for (let i = 0; i < 5; i++) {
    const r = await fetch(`${base}/api/reseller/v1/clients/${id}/minutes`, { method: 'POST', headers: h, body: JSON.stringify({ minutes: 10 }) });
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const r2 = await fetch(`${base}/api/reseller/v1/clients/${id}/plan`, { method: 'PUT', headers: h, body: JSON.stringify({ tier: i % 2 ? 'pro' : 'starter' }) });
    statuses[r2.status] = (statuses[r2.status] ?? 0) + 1;
  }
}));
const count = await app.db.client.count();
const grants = await app.db.usageEntry.count({ where: { kind: 'grant' } });
console.log(statuses, 'clients', count, 'grants', grants);
await app.close();
