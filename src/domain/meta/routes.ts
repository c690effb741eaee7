/** GET /meta: the reference data in the v1 shape. */
import { defineRoute } from '../../rest/route.js';

interface MetaData {
  meta: {
    voices: { id: string; label: string; desc: string }[];
    languages: { name: string; code: string; spoken: boolean }[];
    industries: { slug: string; label: string }[];
    transferTriggers: string[];
    minutePolicies: string[];
    plans: { tier: string; name: string; priceUsd: number; minutes: number }[];
    minutePacks: { id: string; minutes: number; priceUsd: number }[];
  };
}

export const metaRoutes = [
  defineRoute<MetaData>({
    method: 'GET',
    path: '/meta',
    operation: `query Meta {
      meta {
        voices { id label desc }
        languages { name code spoken }
        industries { slug label }
        transferTriggers
        minutePolicies
        plans { tier name priceUsd minutes }
        minutePacks { id minutes priceUsd }
      }
    }`,
    respond: ({ meta }) => ({
      voices: meta.voices,
      languages: meta.languages,
      industries: meta.industries,
      transfer_triggers: meta.transferTriggers,
      minute_policies: meta.minutePolicies,
      plans: meta.plans.map((p) => ({
        tier: p.tier,
        name: p.name,
        price_usd: p.priceUsd,
        minutes: p.minutes,
      })),
      minute_packs: meta.minutePacks.map((p) => ({
        id: p.id,
        minutes: p.minutes,
        price_usd: p.priceUsd,
      })),
    }),
  }),
];
