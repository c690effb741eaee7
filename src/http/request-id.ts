/** Request ids: a caller's sane X-Request-Id is kept, anything else replaced by a new one. */
import { randomBase62 } from '../ids.js';

const sane = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && sane.test(value) ? value : `req_${randomBase62(20)}`;
}
