/** GraphQL mutations of plans and minutes. */
import { builder } from '../../graphql/builder.js';
import { mutationErrors } from '../../graphql/payload-errors.js';
import { idempotent } from '../../idempotency.js';
import { ValidationError } from '../../errors.js';
import { findClient } from '../clients/service.js';
import { scopeOf } from '../clients/schema.js';
import { ClientRef } from '../clients/types.js';
import { grantMinutes, maxGrantMinutes, setPlan, type PlanChoice } from './service.js';

const clientMutation = { types: mutationErrors, dataField: { name: 'client' } };

function planChoice(
  tier: string | null | undefined,
  minutesIncluded: number | null | undefined,
): PlanChoice {
  if ((tier == null) === (minutesIncluded == null)) {
    throw new ValidationError('tier', 'give exactly one of tier or minutesIncluded');
  }
  return tier != null ? { tier } : { minutesIncluded: minutesIncluded ?? 0 };
}

builder.mutationField('setClientPlan', (t) =>
  t.field({
    type: ClientRef,
    errors: clientMutation,
    description:
      'A platform plan (starter, pro, business, scale) meters minutes; minutesIncluded sets ' +
      'a custom allotment; tier agency stops metering.',
    args: {
      id: t.arg.id({ required: true }),
      tier: t.arg.string(),
      minutesIncluded: t.arg.int(),
      idempotencyKey: t.arg.string(),
    },
    resolve: (_root, { id, tier, minutesIncluded, idempotencyKey }, ctx) =>
      idempotent({
        db: ctx.db,
        clock: ctx.clock,
        resellerId: ctx.caller.resellerId,
        key: idempotencyKey,
        operation: 'setClientPlan',
        request: { id, tier, minutesIncluded },
        run: async () => {
          const choice = planChoice(tier, minutesIncluded);
          const client = await findClient(scopeOf(ctx), id);
          return setPlan(ctx.db, client, choice, ctx.clock);
        },
        revive: (first) => findClient(scopeOf(ctx), first.id),
      }),
  }),
);

builder.mutationField('grantMinutes', (t) =>
  t.field({
    type: ClientRef,
    errors: clientMutation,
    description: `Adds 1 to ${maxGrantMinutes} top-up minutes to this period; they expire with it.`,
    args: {
      id: t.arg.id({ required: true }),
      minutes: t.arg.int({ required: true }),
      idempotencyKey: t.arg.string(),
    },
    resolve: (_root, { id, minutes, idempotencyKey }, ctx) =>
      idempotent({
        db: ctx.db,
        clock: ctx.clock,
        resellerId: ctx.caller.resellerId,
        key: idempotencyKey,
        operation: 'grantMinutes',
        request: { id, minutes },
        run: async () => {
          const client = await findClient(scopeOf(ctx), id);
          return grantMinutes(ctx.db, client, minutes, ctx.clock);
        },
        revive: (first) => findClient(scopeOf(ctx), first.id),
      }),
  }),
);
