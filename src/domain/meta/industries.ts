/** The 44 home-services trades a client can name as its industry; others fall back to general. */

/** The persona used when a client sets no industry or one we don't list. */
export const defaultIndustry = 'general';

export const industries = [
  { slug: 'hvac', label: 'HVAC' },
  { slug: 'plumbing', label: 'Plumbing' },
  { slug: 'roofing', label: 'Roofing' },
  { slug: 'electrical', label: 'Electrical' },
  { slug: 'landscaping', label: 'Landscaping' },
  { slug: 'painting', label: 'Painting' },
  { slug: 'general-contracting', label: 'General Contracting' },
  { slug: 'handyman', label: 'Handyman' },
  { slug: 'fencing', label: 'Fencing' },
  { slug: 'concrete', label: 'Concrete' },
  { slug: 'flooring', label: 'Flooring' },
  { slug: 'cleaning', label: 'Cleaning' },
  { slug: 'pest-control', label: 'Pest Control' },
  { slug: 'garage-door', label: 'Garage Door' },
  { slug: 'appliance-repair', label: 'Appliance Repair' },
  { slug: 'carpet-cleaning', label: 'Carpet Cleaning' },
  { slug: 'chimney', label: 'Chimney' },
  { slug: 'decks', label: 'Decks' },
  { slug: 'drywall', label: 'Drywall' },
  { slug: 'gutters', label: 'Gutters' },
  { slug: 'insulation', label: 'Insulation' },
  { slug: 'junk-removal', label: 'Junk Removal' },
  { slug: 'locksmith', label: 'Locksmith' },
  { slug: 'masonry', label: 'Masonry' },
  { slug: 'moving', label: 'Moving' },
  { slug: 'pool-service', label: 'Pool Service' },
  { slug: 'pressure-washing', label: 'Pressure Washing' },
  { slug: 'septic', label: 'Septic' },
  { slug: 'siding', label: 'Siding' },
  { slug: 'solar', label: 'Solar' },
  { slug: 'tree-service', label: 'Tree Service' },
  { slug: 'water-damage', label: 'Water Damage' },
  { slug: 'windows', label: 'Windows' },
  { slug: 'mold-remediation', label: 'Mold Remediation' },
  { slug: 'foundation-repair', label: 'Foundation Repair' },
  { slug: 'irrigation', label: 'Irrigation' },
  { slug: 'snow-removal', label: 'Snow Removal' },
  { slug: 'paving', label: 'Paving' },
  { slug: 'remodeling', label: 'Remodeling' },
  { slug: 'countertops', label: 'Countertops' },
  { slug: 'cabinets', label: 'Cabinets' },
  { slug: 'plastering', label: 'Plastering' },
  { slug: 'waterproofing', label: 'Waterproofing' },
  { slug: 'well-pump', label: 'Well Pump' },
] as const satisfies readonly { slug: string; label: string }[];

export type Industry = (typeof industries)[number];
export type IndustrySlug = Industry['slug'];
