/** The v1 route table, assembled from every domain's routes. */
import type { GraphQLSchema } from 'graphql';
import { accountRoutes } from '../domain/account/routes.js';
import { metaRoutes } from '../domain/meta/routes.js';
import type { RestRoute } from './route.js';

export function buildRestRoutes(schema: GraphQLSchema): RestRoute[] {
  return [...metaRoutes, ...accountRoutes].map((define) => define(schema));
}
