/** Runs a route's operation against the executable schema and turns GraphQL errors into v1 ones. */
import { execute, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context.js';
import { ApiError, isErrorCode } from '../errors.js';
import { internalError } from '../http/respond.js';
import type { RestRequest, RestRoute } from './route.js';

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A GraphQL error as the v1 API reports it; field names in the caller's snake_case. */
export function toRestError(error: GraphQLError, context: Pick<Context, 'log'>): ApiError {
  const original = error.originalError ?? error;
  const known =
    original instanceof ApiError
      ? original
      : isErrorCode(error.extensions.code)
        ? new ApiError(error.extensions.code, error.message)
        : undefined;
  if (!known) {
    context.log.error({ err: original }, 'unexpected error');
    return internalError();
  }
  if (known.field === undefined) return known;
  const field = known.field.split('.').map(snakeCase).join('.');
  const message = known.message.replace(/^[\w.]+:/, `${field}:`);
  return new ApiError(known.code, message, { field, headers: known.headers });
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
  return route.respond(result.data, req);
}
