/** /api/reseller/v1: route, admit, read the JSON body, run the route, answer in the v1 shape. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { admit } from '../auth/admission.js';
import { ApiError } from '../errors.js';
import { isJsonContentType, parseJsonBody, readBody } from '../http/body.js';
import { internalError, sendJson } from '../http/respond.js';
import type { HttpDeps, RequestEntry } from '../http/types.js';
import { createContext } from '../graphql/context.js';
import { runRoute } from './execute.js';

export const restBasePath = '/api/reseller/v1';

const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);

/**
 * v1 routes run fixed documents of our own, so the per-document limits that guard against
 * hostile GraphQL (and that operators may lower) never refuse them.
 */
const fixedDocumentLimits = {
  depth: Number.MAX_SAFE_INTEGER,
  breadth: Number.MAX_SAFE_INTEGER,
  complexity: Number.MAX_SAFE_INTEGER,
};

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const method = req.method ?? 'GET';
  const declaresBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  if (bodyMethods.has(method) && declaresBody && !isJsonContentType(req.headers['content-type'])) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send Content-Type: application/json');
  }
  const body = await readBody(req);
  return bodyMethods.has(method) ? parseJsonBody(body) : undefined;
}

export async function handleRest(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  entry: RequestEntry,
): Promise<void> {
  let rateHeaders: Record<string, string> = {};
  try {
    const method = req.method ?? 'GET';
    const { route, params } = deps.router.match(method, url.pathname.slice(restBasePath.length));
    entry.route = `${route.method} ${restBasePath}${route.path}`;

    const { caller, headers } = await admit(deps, req.headers.authorization);
    rateHeaders = headers;
    entry.resellerId = caller.resellerId;

    const body = await readJsonBody(req);
    const context = createContext(
      { ...deps, queryLimits: fixedDocumentLimits },
      { requestId: entry.requestId, caller, log: entry.log },
    );
    const request = { params, query: url.searchParams, body, headers: req.headers };
    const payload = await runRoute(deps.schema, route, request, context);
    sendJson(res, route.status, payload, rateHeaders);
  } catch (error) {
    if (!(error instanceof ApiError)) entry.log.error({ err: error }, 'unexpected error');
    const known = error instanceof ApiError ? error : internalError();
    const close: Record<string, string> = known.status === 413 ? { Connection: 'close' } : {};
    sendJson(
      res,
      known.status,
      { detail: known.message },
      { ...rateHeaders, ...known.headers, ...close },
    );
  }
}
