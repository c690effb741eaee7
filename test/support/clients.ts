/** Client fixtures for tests: create one over REST v1 and check v1 error bodies. */
import { expect } from 'vitest';
import type { CallResult, TestServer } from './server.js';

/** The top-level fields of a v1 client, as the contract's examples show them. */
export const clientFields = [
  'id',
  'name',
  'email',
  'industry',
  'status',
  'plan_tier',
  'phone_number',
  'created_at',
  'config',
  'usage',
];

/** The contract's "Configuration fields" table, in its order. */
export const contractConfigFields = [
  'receptionist_name',
  'industry',
  'voice_persona',
  'language',
  'custom_greeting',
  'custom_instructions',
  'record_calls',
  'recording_notice',
  'after_hours_only',
  'blocked_numbers',
  'transfer_enabled',
  'transfer_number',
  'transfer_trigger',
  'quote_prices',
  'pricing_notes',
  'notify_email',
  'notify_sms',
  'minute_policy',
  'spend_cap_cents',
];

/** The fields of GET /clients/{id}/usage. */
export const usageFields = [
  'metered',
  'included',
  'rollover',
  'addon',
  'used',
  'overage',
  'available',
  'period_start',
  'reset_at',
  'policy',
  'spend_cap_cents',
];

export interface WireClient {
  id: string;
  name: string;
  email: string | null;
  industry: string;
  status: string;
  plan_tier: string;
  phone_number: string | null;
  created_at: number;
  config: Record<string, unknown>;
  usage: Record<string, unknown>;
}

/** Creates a client named "Ace Plumbing" unless the body says otherwise; fails unless 201. */
export async function createClient(
  server: TestServer,
  key: string,
  body: Record<string, unknown> = {},
): Promise<WireClient> {
  const result = await server.rest('POST', '/clients', {
    key,
    body: { name: 'Ace Plumbing', ...body },
  });
  expect(result.status, result.text).toBe(201);
  return result.json as WireClient;
}

export async function getClient(server: TestServer, key: string, id: string): Promise<WireClient> {
  const result = await server.rest('GET', `/clients/${id}`, { key });
  expect(result.status, result.text).toBe(200);
  return result.json as WireClient;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches an error message that starts by naming `field`: "transfer_number: …". */
export const namingField = (field: string): unknown =>
  expect.stringMatching(new RegExp(`^${escapeRegExp(field)}: \\S`));

/** A v1 error: exactly `{"detail": "..."}`, naming `field` first when one is given. */
export function expectDetail(result: CallResult, status: number, field?: string): void {
  expect(result.status, result.text).toBe(status);
  const detail: unknown = field === undefined ? expect.any(String) : namingField(field);
  expect(result.json).toStrictEqual({ detail });
}

/** Unix seconds of the server's manual clock. */
export const clockSeconds = (server: TestServer) => Math.floor(server.clock.now().getTime() / 1000);
