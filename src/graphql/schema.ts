/** The executable schema, assembled from every domain's types. */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import '../domain/meta/schema.js';
import './payload-errors.js';
import '../domain/account/schema.js';
import '../domain/clients/schema.js';
import '../domain/usage/schema.js';

export const schema = builder.toSchema();

/** The SDL committed as schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
