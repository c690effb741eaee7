/** The setClientPlan and grantMinutes mutations over GraphQL, with their typed payload errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { resellerUsage, type ResellerUsage } from './usage-api.js';

const setClientPlan = `mutation ($id: ID!, $tier: String, $minutesIncluded: Int, $key: String) {
  setClientPlan(id: $id, tier: $tier, minutesIncluded: $minutesIncluded, idempotencyKey: $key) {
    __typename
    ... on SetClientPlanSuccess { client { status planTier usage { metered included available } } }
    ... on Error { code }
    ... on ValidationError { field }
  }
}`;

const grantMinutes = `mutation ($id: ID!, $minutes: Int!, $key: String) {
  grantMinutes(id: $id, minutes: $minutes, idempotencyKey: $key) {
    __typename
    ... on GrantMinutesSuccess { client { usage { addon available } } }
    ... on Error { code }
    ... on ValidationError { field }
  }
}`;

let server: TestServer;
let api: ResellerUsage;

beforeAll(async () => {
  server = await startTestServer();
  api = await resellerUsage(server);
});

afterAll(async () => {
  await server.close();
});

async function mutate(query: string, variables: Record<string, unknown>, key = api.key) {
  const result = await server.graphql(query, variables, { key });
  expect(result.status).toBe(200);
  return (result.json as { data: Record<string, unknown> }).data;
}

describe('setClientPlan', () => {
  it('answers the client on its new plan with its usage', async () => {
    const id = await api.createClient();

    expect(await mutate(setClientPlan, { id, tier: 'scale' })).toStrictEqual({
      setClientPlan: {
        __typename: 'SetClientPlanSuccess',
        client: {
          status: 'ACTIVE',
          planTier: 'scale',
          usage: { metered: true, included: 6000, available: 6000 },
        },
      },
    });
  });

  it('answers a ValidationError on tier when both tier and minutesIncluded are given', async () => {
    const id = await api.createClient();

    expect(await mutate(setClientPlan, { id, tier: 'pro', minutesIncluded: 100 })).toStrictEqual({
      setClientPlan: { __typename: 'ValidationError', code: 'VALIDATION_FAILED', field: 'tier' },
    });
  });

  it('answers a NotFoundError for another reseller’s client', async () => {
    const theirs = await (await resellerUsage(server)).createClient();

    expect(await mutate(setClientPlan, { id: theirs, tier: 'pro' })).toStrictEqual({
      setClientPlan: { __typename: 'NotFoundError', code: 'NOT_FOUND' },
    });
  });
});

describe('grantMinutes', () => {
  it('answers the client with the granted minutes in its usage', async () => {
    const id = await api.createClient();
    await mutate(setClientPlan, { id, tier: 'starter' });

    expect(await mutate(grantMinutes, { id, minutes: 600 })).toStrictEqual({
      grantMinutes: {
        __typename: 'GrantMinutesSuccess',
        client: { usage: { addon: 600, available: 1100 } },
      },
    });
  });

  it('answers a ValidationError on minutes for a grant of zero', async () => {
    const id = await api.createClient();

    expect(await mutate(grantMinutes, { id, minutes: 0 })).toStrictEqual({
      grantMinutes: { __typename: 'ValidationError', code: 'VALIDATION_FAILED', field: 'minutes' },
    });
  });

  it('shares Idempotency-Keys with v1: a REST retry of a GraphQL grant replays', async () => {
    const id = await api.createClient();
    await mutate(grantMinutes, { id, minutes: 250, key: 'graphql-then-rest' });

    const retry = await api.grant(id, { minutes: 250 }, { 'idempotency-key': 'graphql-then-rest' });

    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ addon: 250 });
  });
});
