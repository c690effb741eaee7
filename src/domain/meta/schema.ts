/** GraphQL `meta`: the reference data clients build their dropdowns from. */
import { builder } from '../../graphql/builder.js';
import {
  industries,
  languages,
  minutePacks,
  minutePolicies,
  plans,
  transferTriggers,
  voices,
  type Industry,
  type Language,
  type MinutePack,
  type Plan,
  type Voice,
} from './reference-data.js';

const VoiceRef = builder.objectRef<Voice>('Voice').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    label: t.exposeString('label'),
    desc: t.exposeString('desc'),
  }),
});

const LanguageRef = builder.objectRef<Language>('Language').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    code: t.exposeString('code'),
    spoken: t.exposeBoolean('spoken', { description: 'True where the spoken voice is strong.' }),
  }),
});

const IndustryRef = builder.objectRef<Industry>('Industry').implement({
  fields: (t) => ({
    slug: t.exposeString('slug'),
    label: t.exposeString('label'),
  }),
});

const PlanRef = builder.objectRef<Plan>('Plan').implement({
  fields: (t) => ({
    tier: t.exposeString('tier'),
    name: t.exposeString('name'),
    priceUsd: t.exposeInt('price_usd', { description: 'Monthly price in whole US dollars.' }),
    minutes: t.exposeInt('minutes', { description: 'Minutes included each month.' }),
  }),
});

const MinutePackRef = builder.objectRef<MinutePack>('MinutePack').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    minutes: t.exposeInt('minutes'),
    priceUsd: t.exposeInt('price_usd', { description: 'One-time price in whole US dollars.' }),
  }),
});

const MetaRef = builder.objectRef<Record<string, never>>('Meta').implement({
  description: 'The valid values for client fields, straight from the live system.',
  fields: (t) => ({
    voices: t.field({ type: [VoiceRef], resolve: () => voices }),
    languages: t.field({ type: [LanguageRef], resolve: () => languages }),
    industries: t.field({ type: [IndustryRef], resolve: () => industries }),
    transferTriggers: t.stringList({ resolve: () => transferTriggers }),
    minutePolicies: t.stringList({ resolve: () => minutePolicies }),
    plans: t.field({ type: [PlanRef], resolve: () => plans }),
    minutePacks: t.field({ type: [MinutePackRef], resolve: () => minutePacks }),
  }),
});

builder.queryField('meta', (t) => t.field({ type: MetaRef, resolve: () => ({}) }));
