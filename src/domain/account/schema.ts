/** GraphQL `account` (the calling reseller) and `rotateApiKey`. */
import { builder } from '../../graphql/builder.js';
import { countClientsByStatus, type ClientStatus } from '../clients/service.js';
import { rotateApiKey } from './service.js';

const ResellerStatus = builder.enumType('ResellerStatus', {
  values: { ACTIVE: { value: 'active' }, SUSPENDED: { value: 'suspended' } } as const,
});

const RateLimit = builder.objectRef<{ limitPerMinute: number }>('RateLimit').implement({
  fields: (t) => ({
    limitPerMinute: t.exposeInt('limitPerMinute', {
      description: 'Requests per minute allowed for each API key, REST and GraphQL together.',
    }),
  }),
});

const ClientCounts = builder.objectRef<Record<ClientStatus, number>>('ClientCounts').implement({
  description: 'How many clients the account has, by status.',
  fields: (t) => ({
    total: t.int({ resolve: (c) => c.agency + c.active + c.paused + c.disabled }),
    agency: t.exposeInt('agency'),
    active: t.exposeInt('active'),
    paused: t.exposeInt('paused'),
    disabled: t.exposeInt('disabled'),
  }),
});

builder.prismaObject('Reseller', {
  name: 'Account',
  description: 'The calling reseller.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    status: t.field({
      type: ResellerStatus,
      resolve: (reseller) => (reseller.status === 'active' ? 'active' : 'suspended'),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    twilioConnected: t.boolean({
      select: { twilioAccountSid: true },
      resolve: (reseller) => reseller.twilioAccountSid !== null,
    }),
    webhookConfigured: t.boolean({
      select: { webhookUrl: true },
      resolve: (reseller) => reseller.webhookUrl !== null,
    }),
    clientCounts: t.field({
      type: ClientCounts,
      resolve: (reseller, _args, ctx) => countClientsByStatus(ctx.db, reseller.id),
    }),
    rateLimit: t.field({
      type: RateLimit,
      resolve: (_reseller, _args, ctx) => ({ limitPerMinute: ctx.rateLimitPerMinute }),
    }),
  }),
});

builder.queryField('account', (t) =>
  t.prismaField({
    type: 'Reseller',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.reseller.findUniqueOrThrow({ ...query, where: { id: ctx.caller.resellerId } }),
  }),
);

const RotatedApiKey = builder
  .objectRef<{ apiKey: string; prefix: string }>('RotatedApiKey')
  .implement({
    fields: (t) => ({
      apiKey: t.exposeString('apiKey', {
        description: 'The new key. Shown this once; every older key stopped working.',
      }),
      prefix: t.exposeString('prefix'),
    }),
  });

builder.mutationField('rotateApiKey', (t) =>
  t.field({
    type: RotatedApiKey,
    description: 'Issues a new API key and revokes every other key of the account at once.',
    resolve: async (_root, _args, ctx) => {
      const issued = await rotateApiKey(ctx.db, ctx.caller.resellerId, ctx.clock);
      return { apiKey: issued.apiKey, prefix: issued.prefix };
    },
  }),
);
