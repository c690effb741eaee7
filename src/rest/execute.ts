/** Runs a route's operation against the executable schema and turns GraphQL errors into v1 ones. */
import { execute, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context.js';
import { ApiError, isErrorCode } from '../errors.js';
import { internalError } from '../http/respond.js';
import { coercionError } from '../graphql/coercion.js';
import type { RestRequest, RestRoute } from './route.js';

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A GraphQL error as the v1 API reports it; field names in the caller's snake_case. */
export function toRestError(error: GraphQLError, context: Pick<Context, 'log'>): ApiError {
  const original = error.originalError ?? error;
  const known: ApiError | undefined =
    coercionError(error) ??
    (original instanceof ApiError
      ? original
      : isErrorCode(error.extensions.code)
        ? new ApiError(error.extensions.code, error.message)
        : undefined);
  if (!known) {
    context.log.error({ err: original }, 'unexpected error');
    return internalError();
  }
  return inWireSpelling(known);
}

/** camelCase names outside quoted values become snake_case ("needs transfer_number"). */
const unquotedInSnakeCase = (text: string) =>
  text
    .split('"')
    .map((part, i) =>
      i % 2 === 0 ? part.replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, snakeCase) : part,
    )
    .join('"');

/** Field names as v1 spells them: `transferNumber` -> `transfer_number`. */
function inWireSpelling(error: ApiError): ApiError {
  if (error.field === undefined) return error;
  const field = error.field.split('.').map(snakeCase).join('.');
  const reason = error.message.replace(/^[\w.]+:/, '');
  const message = `${field}:${unquotedInSnakeCase(reason)}`;
  return new ApiError(error.code, message, { field, headers: error.headers });
}

export async function runRoute(
  schema: GraphQLSchema,
  route: RestRoute,
  req: RestRequest,
  context: Context,
): Promise<unknown> {
  const result = await execute({
    schema,
    document: route.document,
    contextValue: context,
    variableValues: route.variables(req),
  });
  const first = result.errors?.[0];
  if (first) throw toRestError(first, context);
  if (!result.data) throw internalError();
  try {
    return route.respond(result.data, req);
  } catch (error) {
    throw error instanceof ApiError ? inWireSpelling(error) : error;
  }
}
