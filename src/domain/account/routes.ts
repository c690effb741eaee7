/** GET /account: the calling reseller's summary in the v1 shape. */
import { defineRoute, toUnixSeconds } from '../../rest/route.js';

interface AccountData {
  account: {
    id: string;
    name: string;
    status: 'ACTIVE' | 'SUSPENDED';
    createdAt: string;
    twilioConnected: boolean;
    webhookConfigured: boolean;
    rateLimit: { limitPerMinute: number };
    clientCounts: {
      total: number;
      agency: number;
      active: number;
      paused: number;
      disabled: number;
    };
  };
}

export const accountRoutes = [
  defineRoute<AccountData>({
    method: 'GET',
    path: '/account',
    operation: `query Account {
      account {
        id name status createdAt twilioConnected webhookConfigured
        rateLimit { limitPerMinute }
        clientCounts { total agency active paused disabled }
      }
    }`,
    respond: ({ account }) => ({
      id: account.id,
      name: account.name,
      status: account.status.toLowerCase(),
      created_at: toUnixSeconds(account.createdAt),
      twilio_connected: account.twilioConnected,
      webhook_configured: account.webhookConfigured,
      clients: account.clientCounts,
      rate_limit: { requests_per_minute: account.rateLimit.limitPerMinute },
    }),
  }),
];
