/** GraphQL queries and mutations of clients. */
import { builder } from '../../graphql/builder.js';
import { mutationErrors } from '../../graphql/payload-errors.js';
import { idempotent } from '../../idempotency.js';
import { NotFoundError } from '../../errors.js';
import type { Context } from '../../graphql/context.js';
import { clientPage } from './connection.js';
import { CreateClientInput, UpdateClientInput } from './inputs.js';
import {
  createClient,
  deleteClient,
  findClient,
  pauseClient,
  resumeClient,
  updateClient,
  type Scope,
} from './service.js';
import { ClientRef, ClientStatusEnum } from './types.js';

export const scopeOf = (ctx: Context): Scope => ({
  db: ctx.db,
  clock: ctx.clock,
  resellerId: ctx.caller.resellerId,
});

builder.queryField('client', (t) =>
  t.field({
    type: ClientRef,
    nullable: true,
    description: 'One of your clients, or null when there is no such client of yours.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) =>
      findClient(scopeOf(ctx), id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
  }),
);

builder.queryField('clients', (t) =>
  t.connection(
    {
      type: ClientRef,
      description: 'Your clients, newest first.',
      args: {
        status: t.arg({ type: ClientStatusEnum }),
        search: t.arg.string({ description: 'Part of the client name, any letter case.' }),
      },
      complexity: (args) => ({ field: 1, multiplier: Math.min(args.first ?? 20, 100) }),
      resolve: (_root, args, ctx) => clientPage(ctx, args),
    },
    {
      fields: (c) => ({
        totalCount: c.int({
          resolve: (connection) =>
            (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
        }),
      }),
    },
  ),
);

const clientMutation = { types: mutationErrors, dataField: { name: 'client' } };

builder.mutationField('createClient', (t) =>
  t.field({
    type: ClientRef,
    errors: clientMutation,
    args: {
      input: t.arg({ type: CreateClientInput, required: true }),
      idempotencyKey: t.arg.string({
        description: 'Retries with the same key answer the first result.',
      }),
    },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      idempotent({
        db: ctx.db,
        clock: ctx.clock,
        resellerId: ctx.caller.resellerId,
        key: idempotencyKey,
        operation: 'createClient',
        request: input,
        run: () => createClient(scopeOf(ctx), input),
        revive: (first) => findClient(scopeOf(ctx), first.id),
      }),
  }),
);

builder.mutationField('updateClient', (t) =>
  t.field({
    type: ClientRef,
    errors: clientMutation,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateClientInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => updateClient(scopeOf(ctx), id, input),
  }),
);

builder.mutationField('pauseClient', (t) =>
  t.field({
    type: ClientRef,
    errors: clientMutation,
    description: 'Stops the line answering.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => pauseClient(scopeOf(ctx), id),
  }),
);

builder.mutationField('resumeClient', (t) =>
  t.field({
    type: ClientRef,
    errors: clientMutation,
    description: 'Answers again: agency when unmetered, active on a plan.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => resumeClient(scopeOf(ctx), id),
  }),
);

const DeletedClient = builder
  .objectRef<Awaited<ReturnType<typeof deleteClient>>>('DeletedClient')
  .implement({
    fields: (t) => ({
      client: t.field({ type: ClientRef, resolve: (d) => d.client }),
      numberReleased: t.exposeBoolean('numberReleased'),
    }),
  });

builder.mutationField('deleteClient', (t) =>
  t.field({
    type: DeletedClient,
    errors: { types: mutationErrors, dataField: { name: 'result' } },
    description: 'Releases the number and soft-deletes: status disabled, history kept.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => deleteClient(scopeOf(ctx), id),
  }),
);
