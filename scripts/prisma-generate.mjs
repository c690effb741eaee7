// Writes one Prisma schema per provider from prisma/models.prisma and generates both clients.
// `prisma generate` never runs the native schema engine, but the CLI insists one exists; any
// existing file satisfies it, so installs work without downloading engines.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const models = readFileSync(path.join(root, 'prisma/models.prisma'), 'utf8');
const providers = ['sqlite', 'postgresql'];

function header(provider) {
  const lines = [
    '// Generated from prisma/models.prisma by scripts/prisma-generate.mjs. Do not edit.',
    '',
    'generator client {',
    '  provider = "prisma-client"',
    `  output   = "../../src/generated/${provider}"`,
    '  moduleFormat = "esm"',
    '  importFileExtension = "js"',
    '}',
    '',
  ];
  if (provider === 'sqlite') {
    lines.push(
      'generator pothos {',
      '  provider     = "prisma-pothos-types"',
      '  clientOutput = "./sqlite/client.js"',
      '  output       = "../../src/generated/pothos-types.ts"',
      '}',
      '',
    );
  }
  lines.push('datasource db {', `  provider = "${provider}"`, '}', '');
  return lines.join('\n');
}

export function writeProviderSchemas() {
  for (const provider of providers) {
    mkdirSync(path.join(root, 'prisma', provider), { recursive: true });
    writeFileSync(path.join(root, 'prisma', provider, 'schema.prisma'), header(provider) + models);
  }
}

writeProviderSchemas();
if (!process.argv.includes('--schemas-only')) {
  const env = {
    ...process.env,
    PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  for (const provider of providers) {
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/prisma/build/index.js'),
        'generate',
        '--schema',
        `prisma/${provider}/schema.prisma`,
      ],
      { cwd: root, env, stdio: 'inherit' },
    );
  }
}
