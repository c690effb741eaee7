/** The v1 plan, usage and minutes routes. */
import { NotFoundError, ValidationError } from '../../errors.js';
import { payloadErrorSelection, unwrapPayload, type Payload } from '../../rest/payload.js';
import { defineRoute } from '../../rest/route.js';
import { idempotencyKey } from '../clients/routes.js';
import { bodyToObject } from '../clients/wire.js';
import { clientSelection, clientToWire, type ClientData } from '../clients/wire.js';
import { usageSelection, usageToWire, type UsageData } from './wire.js';

function planVariables(body: unknown) {
  const fields = bodyToObject(body, ['tier', 'minutes_included']);
  if ('tier' in fields === 'minutes_included' in fields) {
    throw new ValidationError('tier', 'send exactly one of tier or minutes_included');
  }
  return { tier: fields.tier, minutesIncluded: fields.minutes_included };
}

export const usageRoutes = [
  defineRoute<{ setClientPlan: Payload<{ client: ClientData }> }>({
    method: 'PUT',
    path: '/clients/:id/plan',
    operation: `mutation ($id: ID!, $tier: String, $minutesIncluded: Int, $key: String) {
      setClientPlan(id: $id, tier: $tier, minutesIncluded: $minutesIncluded, idempotencyKey: $key) {
        ${payloadErrorSelection}
        ... on SetClientPlanSuccess { client { ${clientSelection} } }
      }
    }`,
    variables: (req) => ({
      id: req.params.id,
      ...planVariables(req.body),
      key: idempotencyKey(req),
    }),
    respond: ({ setClientPlan }) => clientToWire(unwrapPayload(setClientPlan).client),
  }),

  defineRoute<{ client: { usage: UsageData } | null }>({
    method: 'GET',
    path: '/clients/:id/usage',
    operation: `query ($id: ID!) { client(id: $id) { usage { ${usageSelection} } } }`,
    variables: (req) => ({ id: req.params.id }),
    respond: ({ client }, req) => {
      if (!client) throw new NotFoundError(`Client ${req.params.id ?? ''}`);
      return usageToWire(client.usage);
    },
  }),

  defineRoute<{ grantMinutes: Payload<{ client: { usage: UsageData } }> }>({
    method: 'POST',
    path: '/clients/:id/minutes',
    operation: `mutation ($id: ID!, $minutes: Int!, $key: String) {
      grantMinutes(id: $id, minutes: $minutes, idempotencyKey: $key) {
        ${payloadErrorSelection}
        ... on GrantMinutesSuccess { client { usage { ${usageSelection} } } }
      }
    }`,
    variables: (req) => {
      const fields = bodyToObject(req.body, ['minutes']);
      if (!('minutes' in fields)) throw new ValidationError('minutes', 'is required');
      return { id: req.params.id, minutes: fields.minutes, key: idempotencyKey(req) };
    },
    respond: ({ grantMinutes }) => usageToWire(unwrapPayload(grantMinutes).client.usage),
  }),
];
