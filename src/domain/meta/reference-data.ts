/** The reference data served by GET /meta and the GraphQL `meta` field. */

export { languages, findLanguage } from './languages.js';
export type { Language, LanguageName } from './languages.js';
export { industries, defaultIndustry } from './industries.js';
export type { Industry, IndustrySlug } from './industries.js';

export const voices = [
  { id: 'sage', label: 'Sage', desc: 'Warm, steady, female' },
  { id: 'ash', label: 'Ash', desc: 'Warm, easy, male' },
  { id: 'coral', label: 'Coral', desc: 'Bright, friendly, female' },
  { id: 'verse', label: 'Verse', desc: 'Calm, even, neutral' },
] as const satisfies readonly { id: string; label: string; desc: string }[];

export const transferTriggers = ['always_offer', 'on_emergency', 'on_request'] as const;

export const minutePolicies = ['hard_cap', 'overage'] as const;

export const plans = [
  { tier: 'starter', name: 'Starter', price_usd: 99, minutes: 500 },
  { tier: 'pro', name: 'Pro', price_usd: 199, minutes: 1200 },
  { tier: 'business', name: 'Business', price_usd: 399, minutes: 2800 },
  { tier: 'scale', name: 'Scale', price_usd: 699, minutes: 6000 },
] as const satisfies readonly { tier: string; name: string; price_usd: number; minutes: number }[];

export const minutePacks = [
  { id: 'small', minutes: 250, price_usd: 35 },
  { id: 'medium', minutes: 600, price_usd: 75 },
  { id: 'large', minutes: 1500, price_usd: 165 },
] as const satisfies readonly { id: string; minutes: number; price_usd: number }[];

export type Voice = (typeof voices)[number];
export type VoiceId = Voice['id'];
export type TransferTrigger = (typeof transferTriggers)[number];
export type MinutePolicy = (typeof minutePolicies)[number];
export type Plan = (typeof plans)[number];
export type PlanTier = Plan['tier'];
export type MinutePack = (typeof minutePacks)[number];
export type MinutePackId = MinutePack['id'];

export function findPlan(tier: string): Plan | undefined {
  return plans.find((plan) => plan.tier === tier);
}

export function findMinutePack(id: string): MinutePack | undefined {
  return minutePacks.find((pack) => pack.id === id);
}

export function isVoiceId(value: string): value is VoiceId {
  return voices.some((voice) => voice.id === value);
}

export function isTransferTrigger(value: string): value is TransferTrigger {
  return transferTriggers.some((trigger) => trigger === value);
}

export function isMinutePolicy(value: string): value is MinutePolicy {
  return minutePolicies.some((policy) => policy === value);
}
