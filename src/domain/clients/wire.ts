/** The v1 JSON of a client: the GraphQL selection it is built from, mapped to snake_case. */
import { ValidationError } from '../../errors.js';
import { toUnixSeconds } from '../../rest/route.js';
import { usageSelection, usageToWire, type UsageData } from '../usage/wire.js';
import { weekdays } from './business-hours.js';
import { configFields, configKeys, type ConfigKey } from './config-fields.js';

const configSelection = configKeys
  .map((key) =>
    configFields[key].kind === 'businessHours'
      ? `${key} { ${weekdays.map((d) => `${d} { open close }`).join(' ')} }`
      : key,
  )
  .join(' ');

/** Selected on Client by every route that answers with a client. */
export const clientSelection = `
  id name email industry status planTier phoneNumber createdAt
  config { ${configSelection} }
  usage { ${usageSelection} }
`;

export interface ClientData {
  id: string;
  name: string;
  email: string | null;
  industry: string;
  status: string;
  planTier: string;
  phoneNumber: string | null;
  createdAt: string;
  config: Record<ConfigKey, unknown>;
  usage: UsageData;
}

export function clientToWire(client: ClientData) {
  return {
    id: client.id,
    name: client.name,
    email: client.email,
    industry: client.industry,
    status: client.status.toLowerCase(),
    plan_tier: client.planTier,
    phone_number: client.phoneNumber,
    created_at: toUnixSeconds(client.createdAt),
    config: Object.fromEntries(
      configKeys.map((key) => [configFields[key].wire, client.config[key]]),
    ),
    usage: usageToWire(client.usage),
  };
}

const wireToConfigKey = new Map<string, string>(
  configKeys.map((key) => [configFields[key].wire, key]),
);

/** A v1 body that must be an object with only the given names. */
export function bodyToObject(body: unknown, names: readonly string[]): Record<string, unknown> {
  if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('body', 'expected a JSON object');
  }
  const unknownName = Object.keys(body).find((name) => !names.includes(name));
  if (unknownName !== undefined) throw new ValidationError(unknownName, 'unknown field');
  return body as Record<string, unknown>;
}

/**
 * A v1 body as the GraphQL input: snake_case names become camelCase; a name v1 does not know
 * is refused rather than ignored, so a typo never silently drops a setting.
 */
export function bodyToInput(
  body: unknown,
  extra: Record<string, string> = {},
): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('body', 'expected a JSON object');
  }
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const key = Object.hasOwn(extra, name) ? extra[name] : wireToConfigKey.get(name);
    if (key === undefined) throw new ValidationError(name, 'unknown field');
    input[key] = value;
  }
  return input;
}
