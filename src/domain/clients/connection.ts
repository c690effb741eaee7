/** Cursor pagination over a reseller's clients, newest first, by (createdAt, id) keyset. */
import type { Client } from '../../generated/sqlite/client.js';
import { ValidationError } from '../../errors.js';
import type { Context } from '../../graphql/context.js';
import { typeOfId } from '../../ids.js';
import { clientWhere, type ClientFilter } from './search.js';

export const maxPageSize = 100;
const defaultPageSize = 20;

export interface PageArgs extends ClientFilter {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const encodeCursor = (client: Client) =>
  Buffer.from(`${client.createdAt.getTime()}:${client.id}`).toString('base64url');

/** `field` names the argument the cursor came in: `after` on GraphQL, `cursor` on v1. */
export function decodeCursor(cursor: string, field = 'after'): { createdAt: Date; id: string } {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  const createdAt = new Date(Number(ms));
  if (!id || typeOfId(id) !== 'Client' || Number.isNaN(createdAt.getTime()))
    throw new ValidationError(field, 'not a cursor from this list');
  return { createdAt, id };
}

function pageSize(args: PageArgs): number {
  if (args.last != null || args.before != null) {
    throw new ValidationError('last', 'only forward pagination (first, after) is supported');
  }
  const first = args.first ?? defaultPageSize;
  if (first < 0 || first > maxPageSize)
    throw new ValidationError('first', `must be from 0 to ${maxPageSize}`);
  return first;
}

export async function clientPage(ctx: Context, args: PageArgs) {
  const first = pageSize(args);
  const where = await clientWhere(ctx, args);
  const after = args.after ? decodeCursor(args.after) : undefined;
  const keyset = after
    ? {
        OR: [
          { createdAt: { lt: after.createdAt } },
          { createdAt: after.createdAt, id: { lt: after.id } },
        ],
      }
    : {};
  const rows = await ctx.db.client.findMany({
    where: { AND: [where, keyset] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: first + 1,
  });
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => ctx.db.client.count({ where }),
  };
}
