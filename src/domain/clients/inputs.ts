/** GraphQL input types for creating and updating clients, built from the configuration table. */
import type { InputFieldRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../../graphql/builder.js';
import { weekdays } from './business-hours.js';
import { configFields, configKeys } from './config-fields.js';

const DayHoursInput = builder.inputType('DayHoursInput', {
  fields: (t) => ({
    open: t.string({ required: true, description: '24-hour time, HH:MM.' }),
    close: t.string({ required: true, description: '24-hour time, HH:MM, after open.' }),
  }),
});

const BusinessHoursInput = builder.inputType('BusinessHoursInput', {
  description: 'Opening hours per weekday; a day left out or null is closed.',
  fields: (t) =>
    Object.fromEntries(
      weekdays.map((day): [string, InputFieldRef<BuilderTypes, unknown>] => [
        day,
        t.field({ type: DayHoursInput, required: false }),
      ]),
    ),
});

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

function configInputFields(t: InputFieldBuilder) {
  return Object.fromEntries(
    configKeys.map((key): [string, InputFieldRef<BuilderTypes, unknown>] => {
      const { kind, description } = configFields[key];
      switch (kind) {
        case 'string':
          return [key, t.string({ description })];
        case 'boolean':
          return [key, t.boolean({ description })];
        case 'int':
          return [key, t.int({ description })];
        case 'businessHours':
          return [key, t.field({ type: BusinessHoursInput, description })];
      }
    }),
  );
}

export const CreateClientInput = builder.inputType('CreateClientInput', {
  description: 'Only name is required; every configuration field has a default.',
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string(),
    ...configInputFields(t),
  }),
});

export const UpdateClientInput = builder.inputType('UpdateClientInput', {
  description: 'A partial update: only the fields given change; null clears a nullable field.',
  fields: (t) => ({
    name: t.string(),
    email: t.string(),
    ...configInputFields(t),
  }),
});
