/** The expected failures mutations answer as typed payload errors instead of top-level errors. */
import { ConflictError, NotFoundError, ValidationError, type ApiError } from '../errors.js';
import { builder } from './builder.js';

const ErrorInterface = builder.interfaceRef<ApiError>('Error').implement({
  description: 'An expected failure of a mutation.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.string({ resolve: (error) => error.code }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'A field value was rejected.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.string({
      description: 'The rejected input field, e.g. "transferNumber".',
      resolve: (error) => error.field ?? '',
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The object does not exist, or is not yours.',
  interfaces: [ErrorInterface],
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The request conflicts with the current state.',
  interfaces: [ErrorInterface],
});

/** The payload errors every client mutation may answer with. */
export const mutationErrors = [ValidationError, NotFoundError, ConflictError];
