/** Every field rule on PATCH and POST /clients (422 naming the field) and on updateClient. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  expectDetail,
  getClient,
  namingField,
  type WireClient,
} from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** [why, body, the field the detail names (v1 spelling)]. */
type Mistake = [string, Record<string, unknown>, string];

const hours = (mon: unknown) => ({ business_hours: { mon } });

/** Mistakes GraphQL's input types refuse before any resolver runs. */
const typeMistakes: Mistake[] = [
  ['a string for a boolean', { record_calls: 'yes' }, 'record_calls'],
  ['a string for spend_cap_cents', { spend_cap_cents: '100' }, 'spend_cap_cents'],
  ['a float for spend_cap_cents', { spend_cap_cents: 1.5 }, 'spend_cap_cents'],
  ['a number for name', { name: 42 }, 'name'],
  ['an unknown field', { colour: 'blue' }, 'colour'],
  ['a field named like an object method', { constructor: 1 }, 'constructor'],
  ['a field named toString', { toString: 'x' }, 'toString'],
  ['an unknown business day', { business_hours: { funday: null } }, 'business_hours.funday'],
];

/** Mistakes only the field rules catch; GraphQL answers them as ValidationError payloads. */
const valueMistakes: Mistake[] = [
  ['a negative spend_cap_cents', { spend_cap_cents: -1 }, 'spend_cap_cents'],
  ['a transfer_number not in E.164', { transfer_number: '555-1234' }, 'transfer_number'],
  ['a notify_sms not in E.164', { notify_sms: '9735551234' }, 'notify_sms'],
  ['one bad blocked number', { blocked_numbers: '+19735550000, 555' }, 'blocked_numbers'],
  ['an unknown voice_persona', { voice_persona: 'alloy' }, 'voice_persona'],
  ['an unknown transfer_trigger', { transfer_trigger: 'sometimes' }, 'transfer_trigger'],
  ['an unknown minute_policy', { minute_policy: 'unlimited' }, 'minute_policy'],
  ['an unknown language', { language: 'Klingon' }, 'language'],
  ['a 61-character receptionist_name', { receptionist_name: 'x'.repeat(61) }, 'receptionist_name'],
  ['a 501-character custom_greeting', { custom_greeting: 'x'.repeat(501) }, 'custom_greeting'],
  ['a notify_email that is not an address', { notify_email: 'owner-at-ace' }, 'notify_email'],
  ['an email that is not an address', { email: 'owner@ace' }, 'email'],
  ['a timezone that does not exist', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
  ['a time like "9am"', hours({ open: '9am', close: '17:00' }), 'business_hours.mon.open'],
  ['opening after closing', hours({ open: '18:00', close: '09:00' }), 'business_hours.mon'],
  ['null for record_calls', { record_calls: null }, 'record_calls'],
  ['null for voice_persona', { voice_persona: null }, 'voice_persona'],
  ['a NUL character in receptionist_name', { receptionist_name: 'S\u0000m' }, 'receptionist_name'],
  ['a control character in pricing_notes', { pricing_notes: 'a\u0007b' }, 'pricing_notes'],
];

const mistakes = [...typeMistakes, ...valueMistakes];

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const withName = (body: Record<string, unknown>) => ({ name: 'Ace Plumbing', ...body });

let server: TestServer;
let key: string;
let client: WireClient;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
  client = await createClient(server, key);
});

afterAll(async () => {
  await server.close();
});

describe('PATCH /clients/{id}', () => {
  it.each(mistakes)('refuses %s with 422', async (_why, body, field) => {
    const result = await server.rest('PATCH', `/clients/${client.id}`, { key, body });

    expectDetail(result, 422, field);
  });

  it('changes nothing when it refuses a patch', async () => {
    const untouched = await createClient(server, key);

    await server.rest('PATCH', `/clients/${untouched.id}`, {
      key,
      body: { receptionist_name: 'Jo', voice_persona: 'alloy' },
    });

    expect(await getClient(server, key, untouched.id)).toStrictEqual(untouched);
  });

  it.each([
    ['receptionist_name', 60],
    ['custom_greeting', 500],
  ])('accepts a %s of exactly %i characters', async (field, length) => {
    const { id } = await createClient(server, key);

    const result = await server.rest('PATCH', `/clients/${id}`, {
      key,
      body: { [field]: 'x'.repeat(length) },
    });

    expect(result.status, result.text).toBe(200);
    expect((result.json as WireClient).config[field]).toBe('x'.repeat(length));
  });

  it('stores blocked_numbers trimmed and comma-joined', async () => {
    const { id } = await createClient(server, key);

    const result = await server.rest('PATCH', `/clients/${id}`, {
      key,
      body: { blocked_numbers: '+19735550000 , +19735550001' },
    });

    expect(result.status).toBe(200);
    expect((result.json as WireClient).config.blocked_numbers).toBe('+19735550000,+19735550001');
  });

  it('refuses a body that is a JSON array with 422', async () => {
    const result = await server.rest('PATCH', `/clients/${client.id}`, {
      key,
      body: [{ name: 'Ace' }],
    });

    expectDetail(result, 422);
  });

  it('refuses malformed JSON with 400', async () => {
    const result = await server.rest('PATCH', `/clients/${client.id}`, {
      key,
      rawBody: '{"name": "Ace"',
      headers: { 'content-type': 'application/json' },
    });

    expectDetail(result, 400);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const result = await server.rest('PATCH', `/clients/${client.id}`, {
      key,
      rawBody: 'name=Ace',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expectDetail(result, 415);
  });
});

describe('POST /clients', () => {
  it.each(mistakes)('refuses %s with 422', async (_why, body, field) => {
    const result = await server.rest('POST', '/clients', { key, body: withName(body) });

    expectDetail(result, 422, field);
  });

  it('creates nothing when it refuses a client', async () => {
    const other = await server.createReseller();

    await server.rest('POST', '/clients', {
      key: other.apiKey,
      body: withName({ voice_persona: 'alloy' }),
    });

    const list = await server.rest('GET', '/clients', { key: other.apiKey });
    expect(list.json).toMatchObject({ clients: [], total: 0 });
  });

  it('stores blocked_numbers trimmed and comma-joined', async () => {
    const created = await createClient(server, key, {
      blocked_numbers: '+19735550000 , +19735550001',
    });

    expect(created.config.blocked_numbers).toBe('+19735550000,+19735550001');
  });

  it('refuses a body that is a JSON array with 422', async () => {
    const result = await server.rest('POST', '/clients', { key, body: [withName({})] });

    expectDetail(result, 422);
  });

  it('refuses a __proto__ field as an unknown field', async () => {
    const result = await server.rest('POST', '/clients', {
      key,
      rawBody: '{"name":"Ace","__proto__":{"record_calls":false}}',
      headers: { 'content-type': 'application/json' },
    });

    expectDetail(result, 422, '__proto__');
  });

  it('refuses a NUL character in the name', async () => {
    const result = await server.rest('POST', '/clients', { key, body: { name: 'Ace\u0000' } });

    expectDetail(result, 422, 'name');
  });

  it('keeps line breaks and tabs in custom_instructions', async () => {
    const created = await createClient(server, key, { custom_instructions: 'One.\n\tTwo.' });

    expect(created.config.custom_instructions).toBe('One.\n\tTwo.');
  });
});

describe('blank optional text', () => {
  it.each(['pricing_notes', 'custom_greeting', 'notify_sms', 'notify_email'])(
    'clears %s when sent as spaces, as an empty string does',
    async (field) => {
      const { id } = await createClient(server, key);

      const result = await server.rest('PATCH', `/clients/${id}`, {
        key,
        body: { [field]: '   ' },
      });

      expect(result.status, result.text).toBe(200);
      expect((result.json as WireClient).config[field]).toBeNull();
    },
  );

  it('refuses a null name on PATCH as must not be null', async () => {
    const result = await server.rest('PATCH', `/clients/${client.id}`, {
      key,
      body: { name: null },
    });

    expectDetail(result, 422, 'name');
    expect(result.json).toStrictEqual({ detail: 'name: must not be null' });
  });
});

describe('GraphQL updateClient', () => {
  const updateClient = `mutation ($id: ID!, $input: UpdateClientInput!) {
    updateClient(id: $id, input: $input) {
      __typename
      ... on ValidationError { field message code }
    }
  }`;

  /** A v1 mistake as GraphQL spells it: camelCase input names and field path. */
  const inGraphQL = ([why, body, field]: Mistake): Mistake => [
    why,
    Object.fromEntries(Object.entries(body).map(([name, value]) => [camelCase(name), value])),
    field.split('.').map(camelCase).join('.'),
  ];

  const transferWithoutNumber: Mistake = [
    'transfer without a number',
    { transfer_enabled: true },
    'transfer_enabled',
  ];
  const graphqlMistakes = [...valueMistakes, transferWithoutNumber].map(inGraphQL);

  it.each(graphqlMistakes)('answers %s as a ValidationError', async (_why, input, field) => {
    const result = await server.graphql(updateClient, { id: client.id, input }, { key });

    expect(result.status).toBe(200);
    expect(result.json).toStrictEqual({
      data: {
        updateClient: {
          __typename: 'ValidationError',
          field,
          message: namingField(field),
          code: 'VALIDATION_FAILED',
        },
      },
    });
  });

  it('answers a wrong input type naming the field, never as an internal error', async () => {
    const result = await server.graphql(
      updateClient,
      { id: client.id, input: { recordCalls: 'yes' } },
      { key },
    );

    const { errors } = result.json as {
      errors: { message: string; extensions?: { code?: string } }[];
    };
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('recordCalls');
    expect(errors[0]?.extensions?.code).not.toBe('INTERNAL');
  });
});
