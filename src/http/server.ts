/** The node:http request handler: request ids, one log line per request, top-level routing. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { handleRest, restBasePath } from '../rest/handler.js';
import { handleGraphQL } from './graphql.js';
import { requestIdFrom } from './request-id.js';
import { runInRequestScope } from './request-scope.js';
import { sendJson } from './respond.js';
import type { HttpDeps, RequestEntry } from './types.js';

/** /healthz: the process is up. /readyz: the database answers and is fully migrated. */
async function sendHealth(deps: HttpDeps, res: ServerResponse, path: string): Promise<void> {
  if (path === '/healthz') {
    sendJson(res, 200, { status: 'ok' });
    return;
  }
  const readiness = await deps.readiness();
  sendJson(res, readiness.ready ? 200 : 503, {
    status: readiness.ready ? 'ready' : 'not_ready',
    detail: readiness.detail,
  });
}

async function dispatch(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestEntry,
): Promise<void> {
  const target = req.url ?? '/';
  if (!URL.canParse(target, 'http://localhost')) {
    sendJson(res, 400, { detail: 'Malformed request target' });
    return;
  }
  const url = new URL(target, 'http://localhost');
  const path = url.pathname;

  if (path === '/healthz' || path === '/readyz') {
    entry.route = `${req.method ?? ''} ${path}`;
    await sendHealth(deps, res, path);
  } else if (path === '/graphql') {
    await handleGraphQL(deps, req, res, url, entry);
  } else if (path === restBasePath || path.startsWith(`${restBasePath}/`)) {
    await handleRest(deps, req, res, url, entry);
  } else {
    sendJson(res, 404, { detail: 'Not found' });
  }
}

export function createRequestHandler(deps: HttpDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const log = deps.log.child({ requestId });
    const entry: RequestEntry = { requestId, log, route: 'unmatched', resellerId: undefined };
    res.setHeader('X-Request-Id', requestId);

    res.on('close', () => {
      log.info(
        {
          resellerId: entry.resellerId,
          method: req.method,
          route: entry.route,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });

    runInRequestScope({ requestId, log }, () => dispatch(deps, req, res, entry)).catch(
      (error: unknown) => {
        log.error({ err: error }, 'unexpected error');
        if (!res.headersSent) sendJson(res, 500, { detail: 'Internal server error' });
        else res.destroy();
      },
    );
  };
}
