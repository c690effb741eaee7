/** The process configuration: read from the environment once, validated, then passed down. */
import { z } from 'zod';
import { parseDatabaseUrl, type DatabaseTarget } from './db/target.js';
import { graphqlLimits } from './graphql/limits.js';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseTarget;
  redisUrl: string | undefined;
  publicBaseUrl: string;
  /** 32 bytes; undefined means "generate one into the data folder" (development only). */
  secretsKey: Buffer | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  rateLimitPerMinute: number;
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  dataDir: string;
}

/** A bad setting: the message names the variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A whole number written in plain digits: no sign, exponent, hex or padding. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number in plain digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const port = wholeNumber(0, 65535);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('file:./data/hithisis.db'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'expected redis://host:port or rediss://…')
    .optional(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SECRETS_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: wholeNumber(1, 1_000_000).default(120),
  GRAPHQL_MAX_DEPTH: wholeNumber(2, 100).default(graphqlLimits.depth),
  GRAPHQL_MAX_COMPLEXITY: wholeNumber(100, 10_000_000).default(graphqlLimits.complexity),
  DATA_DIR: z.string().min(1).default('./data'),
});

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const variable = issue?.path.join('.') ?? 'environment';
  return `${variable}: ${issue?.message ?? 'invalid'}`;
}

function decodeSecretsKey(value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32 || key.toString('base64') !== value.replace(/\s/g, '')) {
    throw new ConfigError('SECRETS_KEY: expected 32 bytes encoded as base64 (44 characters)');
  }
  return key;
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) throw new ConfigError(firstIssue(parsed.error));
  const vars = parsed.data;

  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(vars.DATABASE_URL);
  } catch (error) {
    throw new ConfigError(`DATABASE_URL: ${(error as Error).message}`);
  }
  const secretsKey =
    vars.SECRETS_KEY === undefined ? undefined : decodeSecretsKey(vars.SECRETS_KEY);
  if (secretsKey === undefined && vars.NODE_ENV === 'production') {
    throw new ConfigError('SECRETS_KEY: required in production (32 bytes, base64)');
  }

  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    host: vars.HOST,
    database,
    redisUrl: vars.REDIS_URL,
    publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    secretsKey,
    logLevel: vars.LOG_LEVEL,
    rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    graphqlMaxDepth: vars.GRAPHQL_MAX_DEPTH,
    graphqlMaxComplexity: vars.GRAPHQL_MAX_COMPLEXITY,
    dataDir: vars.DATA_DIR,
  };
}
