/** Writing responses: JSON bodies, v1 error bodies and headers, all in one place. */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../errors.js';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The v1 error body: always `{"detail": "..."}`. */
export function sendDetail(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, { detail: error.message }, error.headers);
}

/** Unexpected failures: the caller learns nothing about the cause, only the request id. */
export const internalError = () => new ApiError('INTERNAL', 'Internal server error');
