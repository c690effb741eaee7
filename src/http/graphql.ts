/** /graphql: admits the caller, then hands the request to yoga and streams its response back. */
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { admit } from '../auth/admission.js';
import { ApiError } from '../errors.js';
import { readBody } from './body.js';
import { internalError, sendJson } from './respond.js';
import type { HttpDeps, RequestEntry } from './types.js';

function wantsGraphiQL(req: IncomingMessage, url: URL): boolean {
  return (
    req.method === 'GET' &&
    (req.headers.accept ?? '').includes('text/html') &&
    !url.searchParams.has('query')
  );
}

function sendGraphQLError(res: ServerResponse, error: ApiError, headers: Record<string, string>) {
  const body = { errors: [{ message: error.message, extensions: { code: error.code } }] };
  // A refused oversized body may still be arriving; closing stops reading it.
  const close: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
  sendJson(res, error.status, body, { ...headers, ...error.headers, ...close });
}

function toFetchHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export async function handleGraphQL(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  entry: RequestEntry,
): Promise<void> {
  entry.route = `${req.method ?? ''} /graphql`;
  let rateHeaders: Record<string, string> = {};
  let caller;
  let body: Buffer | undefined;
  try {
    if (!wantsGraphiQL(req, url)) {
      const admission = await admit(deps, req.headers.authorization);
      caller = admission.caller;
      rateHeaders = admission.headers;
      entry.resellerId = caller.resellerId;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') body = await readBody(req);
  } catch (error) {
    if (!(error instanceof ApiError)) entry.log.error({ err: error }, 'unexpected error');
    sendGraphQLError(res, error instanceof ApiError ? error : internalError(), rateHeaders);
    return;
  }

  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const request = new Request(url, {
    method: req.method ?? 'GET',
    headers: toFetchHeaders(req),
    body: body && body.length > 0 ? new Uint8Array(body) : null,
    signal: abort.signal,
  });
  const response = await deps.yoga.fetch(request, {
    requestId: entry.requestId,
    caller,
    log: entry.log,
  });
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...rateHeaders });
  await pipeBody(response, res);
}

/** Streams yoga's response (SSE included), waiting for the socket when it is full. */
async function pipeBody(response: Response, res: ServerResponse): Promise<void> {
  const reader = response.body?.getReader();
  if (reader) {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (res.destroyed) {
        await reader.cancel();
        break;
      }
      if (!res.write(chunk.value)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  }
  res.end();
}
