/** POST /clients: the v1 shape of a new client, its defaults, and what create accepts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFields,
  clockSeconds,
  contractConfigFields,
  createClient,
  expectDetail,
  getClient,
  usageFields,
  type WireClient,
} from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/server.js';

const quickstartBody = {
  name: 'Ace Plumbing',
  industry: 'plumbing',
  voice_persona: 'sage',
  notify_email: 'owner@ace.com',
};

const clientsSectionBody = {
  name: 'Ace Plumbing',
  email: 'owner@ace.com',
  industry: 'plumbing',
  voice_persona: 'sage',
  language: 'English',
  notify_email: 'owner@ace.com',
};

const nineToFive = { open: '09:00', close: '17:00' };

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
});

afterAll(async () => {
  await server.close();
});

describe('the quickstart create', () => {
  it('answers 201 with exactly the documented top-level fields', async () => {
    const result = await server.rest('POST', '/clients', { key, body: quickstartBody });

    expect(result.status).toBe(201);
    expect(Object.keys(result.json as object).sort()).toStrictEqual([...clientFields].sort());
  });

  it('creates an unmetered agency client without a number', async () => {
    const client = await createClient(server, key, quickstartBody);

    expect(client.id).toMatch(/^cust_\w+$/);
    expect(client).toMatchObject({
      name: 'Ace Plumbing',
      email: null,
      industry: 'plumbing',
      status: 'agency',
      plan_tier: 'agency',
      phone_number: null,
    });
  });

  it('stamps created_at in whole seconds of the server clock', async () => {
    server.clock.set('2026-03-02T08:30:15.750Z');

    const client = await createClient(server, key, quickstartBody);

    expect(client.created_at).toBe(Date.parse('2026-03-02T08:30:15Z') / 1000);
    expect(client.created_at).toBe(clockSeconds(server));
  });

  it('gives each client its own id', async () => {
    const first = await createClient(server, key, quickstartBody);
    const second = await createClient(server, key, quickstartBody);

    expect(second.id).not.toBe(first.id);
  });
});

describe('the Clients section example', () => {
  it('reads back exactly as it was answered', async () => {
    const created = await createClient(server, key, clientsSectionBody);

    expect(await getClient(server, key, created.id)).toStrictEqual(created);
  });

  it('keeps every field it was given', async () => {
    const client = await createClient(server, key, clientsSectionBody);

    expect(client.email).toBe('owner@ace.com');
    expect(client.config).toMatchObject({
      industry: 'plumbing',
      voice_persona: 'sage',
      language: 'English',
      notify_email: 'owner@ace.com',
    });
  });
});

describe('defaults', () => {
  it('fills every configuration field when only name and email are given', async () => {
    const client = await createClient(server, key, { email: 'desk@bolt.example' });

    expect(client.config).toStrictEqual({
      receptionist_name: 'Sam',
      industry: 'general',
      voice_persona: 'sage',
      language: 'English',
      custom_greeting: null,
      custom_instructions: null,
      record_calls: true,
      recording_notice: false,
      after_hours_only: false,
      blocked_numbers: null,
      transfer_enabled: false,
      transfer_number: null,
      transfer_trigger: 'on_request',
      quote_prices: false,
      pricing_notes: null,
      notify_email: 'desk@bolt.example',
      notify_sms: null,
      minute_policy: 'overage',
      spend_cap_cents: 0,
      timezone: 'America/New_York',
      business_hours: {
        mon: nineToFive,
        tue: nineToFive,
        wed: nineToFive,
        thu: nineToFive,
        fri: nineToFive,
        sat: null,
        sun: null,
      },
    });
  });

  it('defaults the client industry to general', async () => {
    const client = await createClient(server, key);

    expect(client.industry).toBe('general');
  });

  it('lets notify_email differ from email', async () => {
    const client = await createClient(server, key, {
      email: 'owner@ace.com',
      notify_email: 'leads@ace.com',
    });

    expect(client.email).toBe('owner@ace.com');
    expect(client.config.notify_email).toBe('leads@ace.com');
  });

  it('starts an unmetered usage period at creation', async () => {
    server.clock.set('2026-04-10T00:00:00Z');

    const client = await createClient(server, key);

    expect(client.usage).toStrictEqual({
      metered: false,
      included: 0,
      rollover: 0,
      addon: 0,
      used: 0,
      overage: 0,
      available: 0,
      period_start: Date.parse('2026-04-10T00:00:00Z') / 1000,
      reset_at: Date.parse('2026-05-10T00:00:00Z') / 1000,
      policy: 'overage',
      spend_cap_cents: 0,
    });
  });
});

describe('the shape of config and usage', () => {
  let client: WireClient;

  beforeAll(async () => {
    client = await createClient(server, key, quickstartBody);
  });

  it('has exactly the contract configuration fields plus timezone and business_hours', () => {
    expect(Object.keys(client.config).sort()).toStrictEqual(
      [...contractConfigFields, 'timezone', 'business_hours'].sort(),
    );
  });

  it('has exactly the documented usage fields', () => {
    expect(Object.keys(client.usage).sort()).toStrictEqual([...usageFields].sort());
  });
});

describe('what create accepts', () => {
  it('leaves transfer off when enabled without a transfer_number', async () => {
    const result = await server.rest('POST', '/clients', {
      key,
      body: { name: 'Ace Plumbing', transfer_enabled: true },
    });

    expect(result.status).toBe(201);
    expect((result.json as WireClient).config.transfer_enabled).toBe(false);
  });

  it('turns transfer on when enabled with a transfer_number', async () => {
    const client = await createClient(server, key, {
      transfer_enabled: true,
      transfer_number: '+19735550000',
    });

    expect(client.config).toMatchObject({
      transfer_enabled: true,
      transfer_number: '+19735550000',
    });
  });

  it('leaves quoting off when enabled without pricing_notes', async () => {
    const client = await createClient(server, key, { quote_prices: true });

    expect(client.config.quote_prices).toBe(false);
  });

  it('turns quoting on when enabled with pricing_notes', async () => {
    const client = await createClient(server, key, {
      quote_prices: true,
      pricing_notes: 'Drain clearing from $149',
    });

    expect(client.config.quote_prices).toBe(true);
  });

  it('stores a language in any letter case under its canonical name', async () => {
    const client = await createClient(server, key, { language: 'hINDI' });

    expect(client.config.language).toBe('Hindi');
  });

  it('accepts an industry that is not listed', async () => {
    const client = await createClient(server, key, { industry: 'dog-grooming' });

    expect(client.industry).toBe('dog-grooming');
    expect(client.config.industry).toBe('dog-grooming');
  });

  it('refuses a client without a name, naming name', async () => {
    const result = await server.rest('POST', '/clients', { key, body: { email: 'a@b.co' } });

    expectDetail(result, 422, 'name');
  });

  it('refuses an unknown field, naming it', async () => {
    const result = await server.rest('POST', '/clients', {
      key,
      body: { name: 'Ace Plumbing', colour: 'blue' },
    });

    expectDetail(result, 422, 'colour');
  });

  it('refuses a configuration field spelled in camelCase, naming it as sent', async () => {
    const result = await server.rest('POST', '/clients', {
      key,
      body: { name: 'Ace Plumbing', voicePersona: 'ash' },
    });

    expectDetail(result, 422, 'voicePersona');
  });
});
