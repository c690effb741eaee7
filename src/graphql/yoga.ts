/** graphql-yoga over the Pothos schema: GraphiQL, CSRF prevention, limits and error masking. */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, parse, type ParseOptions, type Source } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Caller } from '../auth/authenticate.js';
import { ApiError } from '../errors.js';
import { createContext, type Context, type ContextDeps } from './context.js';
import { coercionError } from './coercion.js';
import { graphqlLimits, maxAliasesRule, maxSelectionsRule } from './limits.js';
import { schema } from './schema.js';
import { currentRequestScope } from '../http/request-scope.js';

/** What the HTTP layer hands to each GraphQL request. */
export interface ServerContext {
  requestId: string;
  caller: Caller | undefined;
  log: Logger;
}

export interface YogaDeps extends ContextDeps {
  log: Logger;
}

const limitsPlugin: Plugin = {
  onParse({ setParseFn }) {
    setParseFn((source: string | Source, options?: ParseOptions) =>
      parse(source, { ...options, maxLexicalTokens: graphqlLimits.tokens }),
    );
  },
  onValidate({ addValidationRule }) {
    addValidationRule(maxAliasesRule());
    addValidationRule(maxSelectionsRule());
  },
};

/** Our error, keeping where graphql-js found it, so a caller with aliases knows which failed. */
function located(original: ApiError, error: unknown): GraphQLError {
  if (!(error instanceof GraphQLError) || error === original || !error.path) return original;
  return new GraphQLError(original.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: original,
    extensions: original.extensions,
  });
}

/**
 * Expected errors pass through: ours, and GraphQL's own (a variable of the wrong type becomes a
 * validation error naming the field). Anything else is logged once and masked.
 */
export function maskError(error: unknown, fallbackLog: Logger): GraphQLError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof ApiError) return located(original, error);
  if (error instanceof GraphQLError) {
    const coerced = coercionError(error);
    if (coerced) return coerced;
    if (original instanceof GraphQLError) return error;
  }
  const scope = currentRequestScope();
  (scope?.log ?? fallbackLog).error({ err: original }, 'unexpected error');
  return new GraphQLError('Internal server error', {
    extensions: { code: 'INTERNAL' },
    ...(error instanceof GraphQLError ? { path: error.path } : {}),
  });
}

export function createGraphQLServer(deps: YogaDeps) {
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'HiThisIs reseller API' },
    landingPage: false,
    logging: false,
    batching: false,
    maskedErrors: {
      maskError: (error, _message, _isDev) => maskError(error, deps.log),
    },
    context: ({ requestId, caller, log }): Context => {
      if (!caller) throw new ApiError('UNAUTHENTICATED', 'Missing API key');
      return createContext(deps, { requestId, caller, log });
    },
    plugins: [useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }), limitsPlugin],
  });
}
