/** The committed schema.graphql is the schema the server runs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/graphql/schema.js';

describe('schema.graphql', () => {
  it('matches the executable schema', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

    expect(committed, 'schema.graphql is stale: run npm run schema:print').toBe(printedSchema());
  });
});
