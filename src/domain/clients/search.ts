/**
 * The filter of a client list: status and a name search in any letter case. A search is
 * literal text: `%` and `_` match themselves, never as LIKE wildcards.
 */
import type { Context } from '../../graphql/context.js';
import { ValidationError } from '../../errors.js';
import type { ClientStatus } from './service.js';
import { text } from './values.js';

export interface ClientFilter {
  status?: ClientStatus | null;
  search?: string | null;
}

const maxSearchLength = 200;
const likeSpecial = /[\\%_]/;

function searchTerm(search: string | null | undefined): string | null {
  if (search === null || search === undefined || search.trim() === '') return null;
  if (search.length > maxSearchLength) {
    throw new ValidationError('search', `must be at most ${maxSearchLength} characters`);
  }
  return text('search', search, maxSearchLength);
}

/** PostgreSQL's LIKE escapes with a backslash by default; SQLite's has no escape character. */
async function nameMatching(ctx: Context, term: string) {
  if (ctx.provider === 'postgresql') {
    const escaped = term.replace(new RegExp(likeSpecial, 'g'), (c) => `\\${c}`);
    return { name: { contains: escaped, mode: 'insensitive' as const } };
  }
  if (!likeSpecial.test(term)) return { name: { contains: term } };

  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT id FROM Client
    WHERE resellerId = ${ctx.caller.resellerId} AND instr(lower(name), lower(${term})) > 0`;
  return { id: { in: rows.map((row) => row.id) } };
}

export async function clientWhere(ctx: Context, filter: ClientFilter) {
  const term = searchTerm(filter.search);
  return {
    resellerId: ctx.caller.resellerId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(term ? await nameMatching(ctx, term) : {}),
  };
}
