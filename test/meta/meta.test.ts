/** GET /meta and GraphQL `meta` serve the reference data; GET /account the caller's summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  industries,
  languages,
  minutePacks,
  minutePolicies,
  plans,
  transferTriggers,
  voices,
} from '../../src/domain/meta/reference-data.js';
import { startTestServer, type TestServer } from '../support/server.js';

const anyText: unknown = expect.any(String);
const anyNumber: unknown = expect.any(Number);

interface MetaBody {
  voices: unknown[];
  languages: unknown[];
  industries: unknown[];
  transfer_triggers: string[];
  minute_policies: string[];
  plans: { tier: string; name: string; price_usd: number; minutes: number }[];
  minute_packs: { id: string; minutes: number; price_usd: number }[];
}

const rateLimitPerMinute = 77;

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute });
  key = (await server.createReseller('Ace Agency')).apiKey;
});

afterAll(async () => {
  await server.close();
});

async function getMeta(): Promise<MetaBody> {
  const result = await server.rest('GET', '/meta', { key });
  expect(result.status).toBe(200);
  return result.json as MetaBody;
}

describe('GET /meta', () => {
  it('serves exactly the reference data', async () => {
    expect(await getMeta()).toStrictEqual({
      voices,
      languages,
      industries,
      transfer_triggers: transferTriggers,
      minute_policies: minutePolicies,
      plans,
      minute_packs: minutePacks,
    });
  });

  it('answers with exactly the contract keys', async () => {
    expect(Object.keys(await getMeta()).sort()).toEqual(
      [
        'voices',
        'languages',
        'industries',
        'transfer_triggers',
        'minute_policies',
        'plans',
        'minute_packs',
      ].sort(),
    );
  });

  it('lists 4 voices, 42 languages and 44 industries', async () => {
    const meta = await getMeta();

    expect(meta.voices).toHaveLength(4);
    expect(meta.voices[0]).toStrictEqual({
      id: 'sage',
      label: 'Sage',
      desc: 'Warm, steady, female',
    });
    expect(meta.languages).toHaveLength(42);
    expect(meta.languages).toContainEqual({ name: 'Hindi', code: 'hi', spoken: true });
    expect(meta.industries).toHaveLength(44);
    expect(meta.industries).toContainEqual({ slug: 'plumbing', label: 'Plumbing' });
  });

  it('lists the contract transfer triggers and minute policies', async () => {
    const meta = await getMeta();

    expect(meta.transfer_triggers).toStrictEqual(['always_offer', 'on_emergency', 'on_request']);
    expect(meta.minute_policies).toStrictEqual(['hard_cap', 'overage']);
  });

  it('prices plans and minute packs in price_usd', async () => {
    const meta = await getMeta();

    expect(meta.plans).toContainEqual({ tier: 'pro', name: 'Pro', price_usd: 199, minutes: 1200 });
    expect(meta.minute_packs).toContainEqual({ id: 'small', minutes: 250, price_usd: 35 });
  });
});

describe('GraphQL meta', () => {
  it('serves the same reference data in camelCase', async () => {
    const query = `{ meta {
      voices { id label desc } languages { name code spoken } industries { slug label }
      transferTriggers minutePolicies
      plans { tier name priceUsd minutes } minutePacks { id minutes priceUsd }
    } }`;

    const result = await server.graphql(query, undefined, { key });

    expect(result.json).toStrictEqual({
      data: {
        meta: {
          voices,
          languages,
          industries,
          transferTriggers,
          minutePolicies,
          plans: plans.map(({ tier, name, price_usd, minutes }) => ({
            tier,
            name,
            priceUsd: price_usd,
            minutes,
          })),
          minutePacks: minutePacks.map(({ id, minutes, price_usd }) => ({
            id,
            minutes,
            priceUsd: price_usd,
          })),
        },
      },
    });
  });
});

describe('GET /account', () => {
  it("answers the caller's summary in the v1 shape", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { resellerId, apiKey } = await server.createReseller('Summit Agency');
    const after = Math.ceil(Date.now() / 1000);

    const result = await server.rest('GET', '/account', { key: apiKey });

    expect(result.status).toBe(200);
    expect(result.json).toStrictEqual({
      id: resellerId,
      name: 'Summit Agency',
      status: 'active',
      created_at: anyNumber,
      twilio_connected: false,
      webhook_configured: false,
      clients: { total: 0, agency: 0, active: 0, paused: 0, disabled: 0 },
      rate_limit: { requests_per_minute: rateLimitPerMinute },
    });
    const createdAt = (result.json as { created_at: number }).created_at;
    expect(Number.isInteger(createdAt)).toBe(true);
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(after);
  });

  it('matches the GraphQL account', async () => {
    const query = `{ account {
      id name status createdAt twilioConnected webhookConfigured rateLimit { limitPerMinute }
    } }`;

    const rest = (await server.rest('GET', '/account', { key })).json as Record<string, unknown>;
    const graphql = await server.graphql(query, undefined, { key });

    const account = (graphql.json as { data: { account: Record<string, unknown> } }).data.account;
    expect(account).toStrictEqual({
      id: rest.id,
      name: 'Ace Agency',
      status: 'ACTIVE',
      createdAt: anyText,
      twilioConnected: false,
      webhookConfigured: false,
      rateLimit: { limitPerMinute: rateLimitPerMinute },
    });
    expect(Math.floor(Date.parse(account.createdAt as string) / 1000)).toBe(rest.created_at);
  });
});
