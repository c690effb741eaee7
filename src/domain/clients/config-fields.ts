/**
 * The front-desk configuration fields, once: their v1 names, GraphQL kinds and validation. The
 * GraphQL input and output types, the REST body mapping and the service all read this table.
 */
import { ValidationError } from '../../errors.js';
import { findLanguage, minutePolicies, transferTriggers, voices } from '../meta/reference-data.js';
import { parseBusinessHours } from './business-hours.js';
import {
  emailAddress,
  flag,
  oneOf,
  optionalPhoneNumber,
  optionalText,
  phoneNumberList,
  text,
  timeZone,
  wholeNumber,
} from './values.js';

export type FieldKind = 'string' | 'boolean' | 'int' | 'businessHours';

interface ConfigField {
  /** The v1 (snake_case) name. */
  wire: string;
  kind: FieldKind;
  /** Whether null is accepted (to clear the value). */
  nullable: boolean;
  description: string;
  /** Validates and normalises an input value into what is stored. */
  parse(field: string, value: unknown): string | number | boolean | null;
}

const voiceIds = voices.map((v) => v.id);

function language(field: string, value: unknown): string {
  const name = text(field, value, 40);
  const found = findLanguage(name);
  if (!found)
    throw new ValidationError(field, `unknown language ${JSON.stringify(name)}; see GET /meta`);
  return found.name;
}

export const configFields = {
  receptionistName: {
    wire: 'receptionist_name',
    kind: 'string',
    nullable: false,
    description: 'Name the front desk gives. Default "Sam".',
    parse: (f, v) => text(f, v, 60),
  },
  industry: {
    wire: 'industry',
    kind: 'string',
    nullable: false,
    description: 'An industry slug; an unlisted trade gets the general persona. Default "general".',
    parse: (f, v) => text(f, v, 60),
  },
  voicePersona: {
    wire: 'voice_persona',
    kind: 'string',
    nullable: false,
    description: 'One of the voices. Default "sage".',
    parse: (f, v) => oneOf(f, v, voiceIds),
  },
  language: {
    wire: 'language',
    kind: 'string',
    nullable: false,
    description: 'A supported language name, any letter case. Default "English".',
    parse: language,
  },
  customGreeting: {
    wire: 'custom_greeting',
    kind: 'string',
    nullable: true,
    description: 'Overrides the opening line.',
    parse: (f, v) => optionalText(f, v, 500),
  },
  customInstructions: {
    wire: 'custom_instructions',
    kind: 'string',
    nullable: true,
    description: 'Extra guidance for the front desk.',
    parse: (f, v) => optionalText(f, v, 4000),
  },
  recordCalls: {
    wire: 'record_calls',
    kind: 'boolean',
    nullable: false,
    description: 'Default true.',
    parse: flag,
  },
  recordingNotice: {
    wire: 'recording_notice',
    kind: 'boolean',
    nullable: false,
    description: 'Play a recording notice. Default false.',
    parse: flag,
  },
  afterHoursOnly: {
    wire: 'after_hours_only',
    kind: 'boolean',
    nullable: false,
    description: 'Only answer outside business hours. Default false.',
    parse: flag,
  },
  blockedNumbers: {
    wire: 'blocked_numbers',
    kind: 'string',
    nullable: true,
    description: 'Comma-separated E.164 numbers to reject.',
    parse: phoneNumberList,
  },
  transferEnabled: {
    wire: 'transfer_enabled',
    kind: 'boolean',
    nullable: false,
    description: 'Needs transferNumber.',
    parse: flag,
  },
  transferNumber: {
    wire: 'transfer_number',
    kind: 'string',
    nullable: true,
    description: 'E.164 number to transfer to.',
    parse: optionalPhoneNumber,
  },
  transferTrigger: {
    wire: 'transfer_trigger',
    kind: 'string',
    nullable: false,
    description: 'on_request, on_emergency or always_offer. Default on_request.',
    parse: (f, v) => oneOf(f, v, transferTriggers),
  },
  quotePrices: {
    wire: 'quote_prices',
    kind: 'boolean',
    nullable: false,
    description: 'Needs pricingNotes.',
    parse: flag,
  },
  pricingNotes: {
    wire: 'pricing_notes',
    kind: 'string',
    nullable: true,
    description: 'The price list the front desk may quote from.',
    parse: (f, v) => optionalText(f, v, 4000),
  },
  notifyEmail: {
    wire: 'notify_email',
    kind: 'string',
    nullable: true,
    description: 'Where lead emails go. Defaults to the client email.',
    parse: emailAddress,
  },
  notifySms: {
    wire: 'notify_sms',
    kind: 'string',
    nullable: true,
    description: 'E.164 number for lead texts.',
    parse: optionalPhoneNumber,
  },
  minutePolicy: {
    wire: 'minute_policy',
    kind: 'string',
    nullable: false,
    description:
      'overage (keep answering, bill overage) or hard_cap (stop at zero). Default overage.',
    parse: (f, v) => oneOf(f, v, minutePolicies),
  },
  spendCapCents: {
    wire: 'spend_cap_cents',
    kind: 'int',
    nullable: false,
    description: 'Monthly overage cap in cents; 0 = no cap.',
    parse: (f, v) => wholeNumber(f, v, 0, 100_000_000),
  },
  timezone: {
    wire: 'timezone',
    kind: 'string',
    nullable: false,
    description: 'IANA time zone of the business hours. Default America/New_York.',
    parse: timeZone,
  },
  businessHours: {
    wire: 'business_hours',
    kind: 'businessHours',
    nullable: false,
    description:
      'Opening hours per weekday; a day left out is closed. Default Mon–Fri 09:00–17:00.',
    parse: (f, v) => JSON.stringify(parseBusinessHours(f, v)),
  },
} satisfies Record<string, ConfigField>;

export type ConfigKey = keyof typeof configFields;
export const configKeys = Object.keys(configFields) as ConfigKey[];

export type ConfigInput = Partial<Record<ConfigKey, unknown>>;
export type ConfigData = Partial<Record<ConfigKey, string | number | boolean | null>>;

/** Validates the fields present in `input` (undefined = not given) into stored values. */
export function parseConfig(input: ConfigInput, path = ''): ConfigData {
  const data: ConfigData = {};
  for (const key of configKeys) {
    const value = input[key];
    if (value === undefined) continue;
    const field = configFields[key];
    if (value === null && !field.nullable)
      throw new ValidationError(`${path}${key}`, 'must not be null');
    data[key] = field.parse(`${path}${key}`, value);
  }
  return data;
}
