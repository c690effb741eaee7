/** Mutation payloads: the success's data, or the typed error re-thrown as the v1 error it is. */
import { ApiError, isErrorCode } from '../errors.js';

interface PayloadError {
  __typename: string;
  message: string;
  code: string;
  field?: string;
}

export type Payload<TData> = ({ __typename: `${string}Success` } & TData) | PayloadError;

const isError = (payload: object): payload is PayloadError =>
  'code' in payload &&
  'message' in payload &&
  !('__typename' in payload && String(payload.__typename).endsWith('Success'));

export function unwrapPayload<TData extends object>(payload: Payload<TData>): TData {
  if (!isError(payload)) return payload;
  const code = isErrorCode(payload.code) ? payload.code : 'INTERNAL';
  throw new ApiError(code, payload.message, payload.field ? { field: payload.field } : {});
}

/** The selection every mutation's payload adds for its errors. */
export const payloadErrorSelection = `
  __typename
  ... on Error { message code }
  ... on ValidationError { field }
`;
