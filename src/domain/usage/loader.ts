/** Batches usage summaries: one ledger query per request however many clients ask. */
import DataLoader from 'dataloader';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import { emptyTotals } from './ledger.js';
import { loadPeriodTotals, rollForwardMany } from './rollover.js';
import { summarize, type MeteredClient, type UsageSummary } from './service.js';

export function createUsageLoader(db: Db, clock: Clock) {
  return new DataLoader<MeteredClient, UsageSummary, string>(
    async (clients) => {
      const now = clock.now();
      const current = await rollForwardMany(db, clients, now);
      const totals = await loadPeriodTotals(db, current);
      return current.map((client) => summarize(client, totals.get(client.id) ?? emptyTotals()));
    },
    { cacheKeyFn: (client) => client.id },
  );
}
