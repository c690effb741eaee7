import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql instance: Node loads it as CommonJS for Pothos and yoga, so tests must too.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
