/** Checks the /meta reference data against values copied from the reseller API v1 contract. */
import { describe, it, expect } from 'vitest';
import {
  defaultIndustry,
  findLanguage,
  findMinutePack,
  findPlan,
  industries,
  isMinutePolicy,
  isTransferTrigger,
  isVoiceId,
  languages,
  minutePacks,
  minutePolicies,
  plans,
  transferTriggers,
  voices,
} from '../../src/domain/meta/reference-data.js';

const strongLanguages = [
  'English',
  'Spanish',
  'French',
  'German',
  'Italian',
  'Portuguese',
  'Arabic',
  'Hindi',
  'Bengali',
  'Tamil',
  'Telugu',
  'Japanese',
  'Chinese',
];

const namedIndustries = [
  'hvac',
  'plumbing',
  'roofing',
  'electrical',
  'landscaping',
  'painting',
  'general-contracting',
  'handyman',
  'fencing',
  'concrete',
  'flooring',
  'cleaning',
  'pest-control',
  'garage-door',
];

describe('voices', () => {
  it('lists the four contract voices in order', () => {
    expect(voices).toEqual([
      { id: 'sage', label: 'Sage', desc: 'Warm, steady, female' },
      { id: 'ash', label: 'Ash', desc: 'Warm, easy, male' },
      { id: 'coral', label: 'Coral', desc: 'Bright, friendly, female' },
      { id: 'verse', label: 'Verse', desc: 'Calm, even, neutral' },
    ]);
  });

  it('recognises a voice id and rejects an unknown one', () => {
    expect(isVoiceId('coral')).toBe(true);
    expect(isVoiceId('Coral')).toBe(false);
    expect(isVoiceId('alloy')).toBe(false);
  });
});

describe('languages', () => {
  it('has 42 languages', () => {
    expect(languages).toHaveLength(42);
  });

  it('has unique names and codes', () => {
    expect(new Set(languages.map((language) => language.name)).size).toBe(42);
    expect(new Set(languages.map((language) => language.code)).size).toBe(42);
  });

  it('keeps the contract table order', () => {
    const codes = languages.map((language) => language.code).join(' ');
    expect(codes).toBe(
      'en es fr de it pt nl pl ru uk ar hi ur pa bn ta te mr gu kn ml or as ne tl vi th id ms tr ' +
        'el he sv no da fi cs ro hu ja ko zh',
    );
  });

  it.each([
    ['English', 'en', true],
    ['Hindi', 'hi', true],
    ['Dutch', 'nl', false],
    ['Chinese', 'zh', true],
  ])('gives %s the code %s and spoken=%s', (name, code, spoken) => {
    expect(languages.find((language) => language.name === name)).toEqual({ name, code, spoken });
  });

  it('marks exactly the thirteen strong languages as spoken', () => {
    const spoken = languages.filter((language) => language.spoken).map((language) => language.name);
    expect(spoken.toSorted()).toEqual(strongLanguages.toSorted());
  });

  it('finds a language by name regardless of case and returns the canonical entry', () => {
    expect(findLanguage('hINDi')).toEqual({ name: 'Hindi', code: 'hi', spoken: true });
  });

  it('finds no language for an unsupported name', () => {
    expect(findLanguage('Klingon')).toBeUndefined();
  });
});

describe('industries', () => {
  it('has 44 unique slugs', () => {
    expect(industries).toHaveLength(44);
    expect(new Set(industries.map((industry) => industry.slug)).size).toBe(44);
  });

  it('writes every slug in kebab-case', () => {
    for (const { slug } of industries) {
      expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('includes every industry the contract names', () => {
    const slugs = industries.map((industry) => industry.slug);
    expect(slugs).toEqual(expect.arrayContaining(namedIndustries));
  });

  it('leaves general out of the list and uses it as the default', () => {
    const slugs: string[] = industries.map((industry) => industry.slug);
    expect(slugs).not.toContain('general');
    expect(defaultIndustry).toBe('general');
  });

  it('labels slugs in the contract words', () => {
    const labels = Object.fromEntries(industries.map(({ slug, label }) => [slug, label]));
    expect(labels).toMatchObject({
      hvac: 'HVAC',
      plumbing: 'Plumbing',
      'pest-control': 'Pest Control',
      'general-contracting': 'General Contracting',
      'garage-door': 'Garage Door',
    });
  });
});

describe('transfer triggers and minute policies', () => {
  it('lists the three transfer triggers', () => {
    expect(transferTriggers).toEqual(['always_offer', 'on_emergency', 'on_request']);
  });

  it('lists the two minute policies', () => {
    expect(minutePolicies).toEqual(['hard_cap', 'overage']);
  });

  it('recognises a transfer trigger and rejects an unknown one', () => {
    expect(isTransferTrigger('on_emergency')).toBe(true);
    expect(isTransferTrigger('never')).toBe(false);
  });

  it('recognises a minute policy and rejects an unknown one', () => {
    expect(isMinutePolicy('hard_cap')).toBe(true);
    expect(isMinutePolicy('unlimited')).toBe(false);
  });
});

describe('plans and minute packs', () => {
  it('lists the four plan tiers with their prices and minutes', () => {
    expect(plans).toEqual([
      { tier: 'starter', name: 'Starter', price_usd: 99, minutes: 500 },
      { tier: 'pro', name: 'Pro', price_usd: 199, minutes: 1200 },
      { tier: 'business', name: 'Business', price_usd: 399, minutes: 2800 },
      { tier: 'scale', name: 'Scale', price_usd: 699, minutes: 6000 },
    ]);
  });

  it('lists the three minute packs with their minutes and prices', () => {
    expect(minutePacks).toEqual([
      { id: 'small', minutes: 250, price_usd: 35 },
      { id: 'medium', minutes: 600, price_usd: 75 },
      { id: 'large', minutes: 1500, price_usd: 165 },
    ]);
  });

  it('finds a plan by tier and none for the unmetered agency tier', () => {
    expect(findPlan('business')).toEqual({
      tier: 'business',
      name: 'Business',
      price_usd: 399,
      minutes: 2800,
    });
    expect(findPlan('agency')).toBeUndefined();
  });

  it('finds a minute pack by id and none for an unknown id', () => {
    expect(findMinutePack('medium')).toEqual({ id: 'medium', minutes: 600, price_usd: 75 });
    expect(findMinutePack('huge')).toBeUndefined();
  });
});
