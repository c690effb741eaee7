/** The Pothos schema builder: plugins, scalars and the context type. Types live in domain/. */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { Db } from '../db/client.js';
import { ApiError, ValidationError } from '../errors.js';
import { typeOfId } from '../ids.js';
import type { Context } from './context.js';

/** The most ids one `nodes(ids:)` may ask for. */
export const maxNodeIds = 100;
/** The typename of an id that names no Node type of ours. */
const noType = '';

const capitalize = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [ComplexityPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx: Context): Db => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
  relay: {
    // One ID everywhere: the type-prefixed id is already globally unique.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: typenameOfId(globalID), id: globalID }),
    // An id that names no type of ours is simply not found: null, as Relay expects.
    nodeQueryOptions: {
      resolve: (_root, { id }, _ctx, _info, resolveNode) =>
        id.typename === noType ? null : resolveNode(id),
    },
    nodesQueryOptions: {
      complexity: (args) => ({ field: 1, multiplier: args.ids.length }),
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > maxNodeIds) {
          throw new ValidationError('ids', `at most ${maxNodeIds} ids in one request`);
        }
        // The resolver Pothos hands us loads `args.ids` whatever it is passed, and answers null
        // for a null entry, so unknown ids are blanked in place.
        const ids = args.ids as ({ typename: string; id: string } | null)[];
        ids.forEach((id, i) => {
          if (id?.typename === noType) ids[i] = null;
        });
        return resolveNodes(args.ids);
      },
    },
    clientMutationId: 'omit',
    // A connection field's own complexity multiplies by the page size it is asked for.
    edgesFieldOptions: { complexity: { field: 1, multiplier: 1 } },
    cursorType: 'String',
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: (ctx: Context) => ctx.queryLimits,
    complexityError: (kind, result) => {
      const measure = kind.toLowerCase() as 'depth' | 'breadth' | 'complexity';
      const max = {
        depth: result.maxDepth,
        breadth: result.maxBreadth,
        complexity: result.maxComplexity,
      };
      return new GraphQLError(
        `Query ${measure} ${result[measure]} exceeds the limit of ${max[measure] ?? 0}`,
        { extensions: { code: 'QUERY_TOO_COMPLEX' } },
      );
    },
  },
});

export type BuilderTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** Filled in by each domain that has Node types (prefix -> GraphQL type name). */
export const nodeTypenames = new Map<string, string>();

function typenameOfId(id: string): string {
  return (typeOfId(id) && nodeTypenames.get(id.split('_', 1)[0] ?? '')) || noType;
}

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(date.getTime())) throw new ApiError('VALIDATION_FAILED', 'Invalid DateTime');
    return date;
  },
});

builder.queryType({});
builder.mutationType({});
