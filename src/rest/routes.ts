/** The v1 route table, assembled from every domain's routes. */
import type { GraphQLSchema } from 'graphql';
import { accountRoutes } from '../domain/account/routes.js';
import { metaRoutes } from '../domain/meta/routes.js';
import { clientRoutes } from '../domain/clients/routes.js';
import { usageRoutes } from '../domain/usage/routes.js';
import type { RestRoute } from './route.js';

export function buildRestRoutes(schema: GraphQLSchema): RestRoute[] {
  return [...metaRoutes, ...accountRoutes, ...clientRoutes, ...usageRoutes].map((define) =>
    define(schema),
  );
}
