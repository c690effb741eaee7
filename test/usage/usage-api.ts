/** One reseller's view of plans, minutes and usage through the v1 routes, plus call charges. */
import { expect } from 'vitest';
import { chargeCall } from '../../src/domain/usage/service.js';
import type { CallResult, TestServer } from '../support/server.js';

/** GET /clients/{id}/usage as the contract spells it. */
export interface WireUsage {
  metered: boolean;
  included: number;
  rollover: number;
  addon: number;
  used: number;
  overage: number;
  available: number;
  period_start: number;
  reset_at: number;
  policy: string;
  spend_cap_cents: number;
}

export interface LedgerRow {
  kind: string;
  minutes: number;
  periodStart: string;
  callSid: string | null;
}

export const unixSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export interface ResellerUsage {
  key: string;
  createClient(name?: string): Promise<string>;
  setPlan(id: string, body: unknown, headers?: Record<string, string>): Promise<CallResult>;
  grant(id: string, body: unknown, headers?: Record<string, string>): Promise<CallResult>;
  /** GET /clients/{id}/usage, expected to answer 200. */
  usage(id: string): Promise<WireUsage>;
  charge(
    id: string,
    callSid: string,
    seconds: number,
  ): Promise<{ minutes: number; charged: boolean }>;
  /** The client's ledger in the order it was written. */
  ledger(id: string): Promise<LedgerRow[]>;
}

export async function resellerUsage(server: TestServer): Promise<ResellerUsage> {
  const { apiKey: key } = await server.createReseller();
  const db = server.app.db;

  return {
    key,
    createClient: async (name = 'Ace Plumbing') => {
      const created = await server.rest('POST', '/clients', { key, body: { name } });
      expect(created.status).toBe(201);
      return (created.json as { id: string }).id;
    },
    setPlan: (id, body, headers) =>
      server.rest('PUT', `/clients/${id}/plan`, { key, body, headers }),
    grant: (id, body, headers) =>
      server.rest('POST', `/clients/${id}/minutes`, { key, body, headers }),
    usage: async (id) => {
      const result = await server.rest('GET', `/clients/${id}/usage`, { key });
      expect(result.status).toBe(200);
      return result.json as WireUsage;
    },
    charge: async (id, callSid, seconds) => {
      const client = await db.client.findUniqueOrThrow({ where: { id } });
      return chargeCall(db, client, { callSid, durationSeconds: seconds }, server.clock);
    },
    ledger: async (id) => {
      const rows = await db.usageEntry.findMany({
        where: { clientId: id },
        orderBy: [{ createdAt: 'asc' }, { periodStart: 'asc' }],
      });
      return rows.map((row) => ({
        kind: row.kind,
        minutes: row.minutes,
        periodStart: row.periodStart.toISOString(),
        callSid: row.callSid,
      }));
    },
  };
}
