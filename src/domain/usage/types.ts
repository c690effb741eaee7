/** GraphQL type of a client's minute balance for its current period. */
import { builder } from '../../graphql/builder.js';
import type { UsageSummary } from './service.js';

export const UsageRef = builder.objectRef<UsageSummary>('Usage').implement({
  description: 'Minutes for the current period. available = included + rollover + addon − used.',
  fields: (t) => ({
    metered: t.exposeBoolean('metered'),
    included: t.exposeInt('included'),
    rollover: t.exposeInt('rollover', {
      description: 'Unused included minutes carried from last period.',
    }),
    addon: t.exposeInt('addon', {
      description: 'Top-up minutes granted this period; they expire with it.',
    }),
    used: t.exposeInt('used'),
    overage: t.exposeInt('overage', { description: 'Minutes used past what was available.' }),
    available: t.exposeInt('available'),
    periodStart: t.expose('periodStart', { type: 'DateTime' }),
    resetAt: t.expose('resetAt', { type: 'DateTime' }),
    policy: t.exposeString('policy'),
    spendCapCents: t.exposeInt('spendCapCents'),
  }),
});
