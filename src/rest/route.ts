/**
 * A v1 route: the GraphQL operation it runs on the shared schema and the mapper from the result
 * to the v1 JSON shape. Operations are parsed and validated once, when the route table is built,
 * so a route that drifts from the schema fails at start-up and in tests, not on a caller.
 */
import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface RouteSpec<TData> {
  method: HttpMethod;
  /** Relative to /api/reseller/v1, with `:name` segments, e.g. `/clients/:id`. */
  path: string;
  operation: string;
  variables?: (req: RestRequest) => Record<string, unknown>;
  /** The success status; 200 unless stated. */
  status?: number;
  respond: (data: TData, req: RestRequest) => unknown;
}

export interface RestRoute {
  method: HttpMethod;
  path: string;
  document: DocumentNode;
  variables: (req: RestRequest) => Record<string, unknown>;
  status: number;
  respond: (data: unknown, req: RestRequest) => unknown;
}

/** Declares a route; `TData` is the shape the operation's selection answers with. */
export function defineRoute<TData>(spec: RouteSpec<TData>): (schema: GraphQLSchema) => RestRoute {
  return (schema) => {
    const document = parse(spec.operation);
    const errors = validate(schema, document);
    if (errors.length > 0) {
      throw new Error(`${spec.method} ${spec.path}: ${errors.map((e) => e.message).join('; ')}`);
    }
    return {
      method: spec.method,
      path: spec.path,
      document,
      variables: spec.variables ?? (() => ({})),
      status: spec.status ?? 200,
      respond: spec.respond as (data: unknown, req: RestRequest) => unknown,
    };
  };
}

export const toUnixSeconds = (iso: string | null): number | null =>
  iso === null ? null : Math.floor(new Date(iso).getTime() / 1000);
