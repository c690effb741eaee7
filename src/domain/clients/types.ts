/** GraphQL types of a client: the Client node, its configuration and business hours. */
import type { FieldRef } from '@pothos/core';
import { builder, nodeTypenames, type BuilderTypes } from '../../graphql/builder.js';
import type { Client } from '../../generated/sqlite/client.js';
import { UsageRef } from '../usage/types.js';
import { storedBusinessHours, weekdays, type DayHours, type Weekday } from './business-hours.js';
import { configFields, configKeys } from './config-fields.js';
import { clientStatuses, type ClientStatus } from './service.js';

nodeTypenames.set('cust', 'Client');

export const ClientStatusEnum = builder.enumType('ClientStatus', {
  description:
    'agency: answering, unmetered. active: answering on a platform plan. ' +
    'paused: not answering. disabled: deleted.',
  values: Object.fromEntries(clientStatuses.map((s) => [s.toUpperCase(), { value: s }])) as Record<
    Uppercase<ClientStatus>,
    { value: ClientStatus }
  >,
});

const DayHoursRef = builder.objectRef<DayHours>('DayHours').implement({
  fields: (t) => ({ open: t.exposeString('open'), close: t.exposeString('close') }),
});

const BusinessHoursRef = builder
  .objectRef<Record<Weekday, DayHours | null>>('BusinessHours')
  .implement({
    description: 'Opening hours per weekday; null means closed.',
    fields: (t) =>
      Object.fromEntries(
        weekdays.map((day): [string, FieldRef<BuilderTypes, unknown, 'Object'>] => [
          day,
          t.field({ type: DayHoursRef, nullable: true, resolve: (h) => h[day] }),
        ]),
      ),
  });

export const ClientConfigRef = builder.objectRef<Client>('ClientConfig').implement({
  description: 'How the front desk answers.',
  fields: (t) =>
    Object.fromEntries(
      configKeys.map((key): [string, FieldRef<BuilderTypes, unknown, 'Object'>] => {
        const spec = configFields[key];
        const description = spec.description;
        switch (spec.kind) {
          case 'string':
            return [
              key,
              spec.nullable
                ? t.string({ description, nullable: true, resolve: (c) => c[key] as string | null })
                : t.string({ description, resolve: (c) => c[key] as string }),
            ];
          case 'boolean':
            return [key, t.boolean({ description, resolve: (c) => c[key] as boolean })];
          case 'int':
            return [key, t.int({ description, resolve: (c) => c[key] as number })];
          case 'businessHours':
            return [
              key,
              t.field({
                description,
                type: BusinessHoursRef,
                resolve: (c) => storedBusinessHours(c.businessHours),
              }),
            ];
        }
      }),
    ),
});

export const ClientRef = builder.prismaNode('Client', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, resellerId: ctx.caller.resellerId }),
  // Another reseller's id must answer null from node(id:), not a not-found error.
  nullable: true,
  description: 'A client business of the reseller.',
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    industry: t.exposeString('industry'),
    status: t.field({ type: ClientStatusEnum, resolve: (c) => c.status as ClientStatus }),
    planTier: t.exposeString('planTier', {
      description: 'agency (unmetered), starter, pro, business, scale, or custom.',
    }),
    phoneNumber: t.exposeString('phoneNumber', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    config: t.field({ type: ClientConfigRef, resolve: (c) => c }),
    usage: t.field({ type: UsageRef, resolve: (c, _args, ctx) => ctx.loaders.usage.load(c) }),
  }),
});
