/** Reading request bodies with a hard size limit, and parsing JSON bodies with clear errors. */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors.js';

export const maxBodyBytes = 1024 * 1024;

const tooLarge = () =>
  new ApiError('PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBodyBytes} bytes`);

/** Reads the whole body, refusing it as soon as it passes the limit. */
export async function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // The caller hung up, timed out or sent a broken chunked body: its mistake, not ours.
    throw new ApiError('BAD_REQUEST', 'Request body was not received in full');
  }
  return Buffer.concat(chunks);
}

export function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.endsWith('+json') ?? false);
}

/** Parses a JSON body; an empty body is `undefined`, bad JSON is a 400 naming where it broke. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new ApiError('BAD_REQUEST', `Malformed JSON: ${(error as Error).message}`);
  }
}
