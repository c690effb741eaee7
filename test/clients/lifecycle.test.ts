/** PATCH /clients/{id} coupled rules and partial updates; pause, resume and delete. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, expectDetail, getClient, type WireClient } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
});

afterAll(async () => {
  await server.close();
});

const patch = (id: string, body: unknown) => server.rest('PATCH', `/clients/${id}`, { key, body });

async function patched(id: string, body: unknown): Promise<WireClient> {
  const result = await patch(id, body);
  expect(result.status, result.text).toBe(200);
  return result.json as WireClient;
}

describe('transfer needs a transfer_number', () => {
  const withTransfer = { transfer_enabled: true, transfer_number: '+19735550000' };

  it('refuses enabling transfer without a number, naming transfer_enabled', async () => {
    const client = await createClient(server, key);

    expectDetail(await patch(client.id, { transfer_enabled: true }), 422, 'transfer_enabled');
  });

  it('enables transfer with the number in the same patch (the contract example)', async () => {
    const client = await createClient(server, key);

    const updated = await patched(client.id, {
      voice_persona: 'ash',
      transfer_enabled: true,
      transfer_number: '+19735550000',
      transfer_trigger: 'on_emergency',
    });

    expect(updated.config).toMatchObject({
      voice_persona: 'ash',
      transfer_enabled: true,
      transfer_number: '+19735550000',
      transfer_trigger: 'on_emergency',
    });
  });

  it('enables transfer when the number was set earlier', async () => {
    const client = await createClient(server, key, { transfer_number: '+19735550000' });

    const updated = await patched(client.id, { transfer_enabled: true });

    expect(updated.config.transfer_enabled).toBe(true);
  });

  it('refuses clearing transfer_number while transfer is on, naming transfer_number', async () => {
    const client = await createClient(server, key, withTransfer);

    expectDetail(await patch(client.id, { transfer_number: null }), 422, 'transfer_number');
  });

  it('refuses clearing transfer_number with an empty string while transfer is on', async () => {
    const client = await createClient(server, key, withTransfer);

    expectDetail(await patch(client.id, { transfer_number: '' }), 422, 'transfer_number');
  });

  it('disables transfer and clears its number together', async () => {
    const client = await createClient(server, key, withTransfer);

    const updated = await patched(client.id, { transfer_enabled: false, transfer_number: null });

    expect(updated.config).toMatchObject({ transfer_enabled: false, transfer_number: null });
  });
});

describe('quoting needs pricing_notes', () => {
  const withQuoting = { quote_prices: true, pricing_notes: 'Drain clearing from $149' };

  it('refuses enabling quoting without pricing_notes, naming quote_prices', async () => {
    const client = await createClient(server, key);

    expectDetail(await patch(client.id, { quote_prices: true }), 422, 'quote_prices');
  });

  it('enables quoting with pricing_notes in the same patch', async () => {
    const client = await createClient(server, key);

    const updated = await patched(client.id, withQuoting);

    expect(updated.config).toMatchObject(withQuoting);
  });

  it('refuses clearing pricing_notes while quoting is on, naming pricing_notes', async () => {
    const client = await createClient(server, key, withQuoting);

    expectDetail(await patch(client.id, { pricing_notes: null }), 422, 'pricing_notes');
  });

  it('turns quoting off and clears pricing_notes together', async () => {
    const client = await createClient(server, key, withQuoting);

    const updated = await patched(client.id, { quote_prices: false, pricing_notes: null });

    expect(updated.config).toMatchObject({ quote_prices: false, pricing_notes: null });
  });
});

describe('a partial PATCH', () => {
  const configured = {
    email: 'owner@ace.com',
    receptionist_name: 'Riley',
    custom_greeting: 'Thanks for calling Ace!',
    blocked_numbers: '+19735550001',
    transfer_enabled: true,
    transfer_number: '+19735550000',
    notify_sms: '+19735550002',
    minute_policy: 'hard_cap',
    spend_cap_cents: 5000,
    timezone: 'America/Chicago',
    business_hours: { sat: { open: '10:00', close: '14:00' } },
  };

  it('changes only the field it sends', async () => {
    const client = await createClient(server, key, configured);

    const updated = await patched(client.id, { voice_persona: 'coral' });

    expect(updated).toStrictEqual({
      ...client,
      config: { ...client.config, voice_persona: 'coral' },
    });
  });

  it('keeps the change for the next read', async () => {
    const client = await createClient(server, key, configured);

    const updated = await patched(client.id, { recording_notice: true });

    expect(await getClient(server, key, client.id)).toStrictEqual(updated);
  });

  it('changes nothing when the body is empty', async () => {
    const client = await createClient(server, key, configured);

    expect(await patched(client.id, {})).toStrictEqual(client);
  });

  it('renames the client', async () => {
    const client = await createClient(server, key);

    const updated = await patched(client.id, { name: 'Ace Plumbing & Heating' });

    expect(updated).toStrictEqual({ ...client, name: 'Ace Plumbing & Heating' });
  });

  it('changes the email', async () => {
    const client = await createClient(server, key, { email: 'owner@ace.com' });

    const updated = await patched(client.id, { email: 'office@ace.com' });

    expect(updated.email).toBe('office@ace.com');
  });
});

describe('pause and resume', () => {
  const lifecycle = async (id: string, verb: 'pause' | 'resume') => {
    const result = await server.rest('POST', `/clients/${id}/${verb}`, { key });
    expect(result.status, result.text).toBe(200);
    return result.json as WireClient;
  };

  it('pauses a client', async () => {
    const client = await createClient(server, key);

    expect((await lifecycle(client.id, 'pause')).status).toBe('paused');
    expect((await getClient(server, key, client.id)).status).toBe('paused');
  });

  it('resumes an unmetered client as agency', async () => {
    const client = await createClient(server, key);
    await lifecycle(client.id, 'pause');

    expect((await lifecycle(client.id, 'resume')).status).toBe('agency');
  });

  it('resumes a client on a platform plan as active', async () => {
    const client = await createClient(server, key);
    const plan = await server.rest('PUT', `/clients/${client.id}/plan`, {
      key,
      body: { tier: 'pro' },
    });
    expect(plan.json).toMatchObject({ status: 'active', plan_tier: 'pro' });
    await lifecycle(client.id, 'pause');

    expect((await lifecycle(client.id, 'resume')).status).toBe('active');
  });
});

describe('delete', () => {
  it('answers exactly {"number_released": false} for a client without a number', async () => {
    const client = await createClient(server, key);

    const result = await server.rest('DELETE', `/clients/${client.id}`, { key });

    expect(result.status).toBe(200);
    expect(result.json).toStrictEqual({ number_released: false });
  });

  it('keeps the client readable as disabled', async () => {
    const client = await createClient(server, key);
    await server.rest('DELETE', `/clients/${client.id}`, { key });

    expect(await getClient(server, key, client.id)).toStrictEqual({
      ...client,
      status: 'disabled',
    });
  });

  const changes: [string, string, string, unknown][] = [
    ['pause', 'POST', '/pause', undefined],
    ['resume', 'POST', '/resume', undefined],
    ['PATCH', 'PATCH', '', { receptionist_name: 'Jo' }],
    ['a plan', 'PUT', '/plan', { tier: 'pro' }],
    ['minutes', 'POST', '/minutes', { minutes: 250 }],
    ['a second delete', 'DELETE', '', undefined],
  ];

  it.each(changes)(
    'refuses %s on a disabled client with 409',
    async (_what, method, path, body) => {
      const client = await createClient(server, key);
      await server.rest('DELETE', `/clients/${client.id}`, { key });

      const result = await server.rest(method, `/clients/${client.id}${path}`, { key, body });

      expectDetail(result, 409);
      expect((await getClient(server, key, client.id)).status).toBe('disabled');
    },
  );
});
