/** The v1 client routes: create, list, read, configure, pause, resume, delete. */
import { ApiError, NotFoundError, ValidationError } from '../../errors.js';
import { isSaneIdempotencyKey, saneKeyRule } from '../../idempotency.js';
import { payloadErrorSelection, unwrapPayload, type Payload } from '../../rest/payload.js';
import { defineRoute, type RestRequest } from '../../rest/route.js';
import { bodyToInput, clientSelection, clientToWire, type ClientData } from './wire.js';
import { clientStatuses } from './service.js';
import { decodeCursor } from './connection.js';

type ClientPayload = Payload<{ client: ClientData }>;

export const idempotencyKey = (req: RestRequest) => {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && !isSaneIdempotencyKey(key)) {
    throw new ApiError('VALIDATION_FAILED', `Idempotency-Key header: ${saneKeyRule}`);
  }
  return key;
};

const clientInputNames = { name: 'name', email: 'email' };

function listVariables(req: RestRequest) {
  const limit = req.query.get('limit');
  const first = limit === null ? 100 : Number(limit);
  if (!Number.isInteger(first) || first < 1 || first > 100) {
    throw new ValidationError('limit', 'must be an integer from 1 to 100');
  }
  const status = req.query.get('status');
  if (status !== null && !(clientStatuses as readonly string[]).includes(status)) {
    throw new ValidationError('status', `must be one of ${clientStatuses.join(', ')}`);
  }
  const cursor = req.query.get('cursor');
  if (cursor) decodeCursor(cursor, 'cursor');
  return {
    first,
    after: cursor,
    status: status?.toUpperCase() ?? null,
    search: req.query.get('search'),
  };
}

const lifecycle = (verb: 'pause' | 'resume') =>
  defineRoute<Record<'result', ClientPayload>>({
    method: 'POST',
    path: `/clients/:id/${verb}`,
    operation: `mutation ($id: ID!) {
      result: ${verb}Client(id: $id) {
        ${payloadErrorSelection}
        ... on ${verb === 'pause' ? 'Pause' : 'Resume'}ClientSuccess {
          client { ${clientSelection} }
        }
      }
    }`,
    variables: (req) => ({ id: req.params.id }),
    respond: ({ result }) => clientToWire(unwrapPayload(result).client),
  });

export const clientRoutes = [
  defineRoute<{ createClient: ClientPayload }>({
    method: 'POST',
    path: '/clients',
    status: 201,
    operation: `mutation ($input: CreateClientInput!, $key: String) {
      createClient(input: $input, idempotencyKey: $key) {
        ${payloadErrorSelection}
        ... on CreateClientSuccess { client { ${clientSelection} } }
      }
    }`,
    variables: (req) => ({
      input: { ...bodyToInput(req.body ?? {}, clientInputNames) },
      key: idempotencyKey(req),
    }),
    respond: ({ createClient }) => clientToWire(unwrapPayload(createClient).client),
  }),

  defineRoute<{
    clients: {
      edges: { node: ClientData }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number;
    };
  }>({
    method: 'GET',
    path: '/clients',
    operation: `query ($first: Int, $after: String, $status: ClientStatus, $search: String) {
      clients(first: $first, after: $after, status: $status, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ${clientSelection} } }
      }
    }`,
    variables: listVariables,
    respond: ({ clients }) => ({
      clients: clients.edges.map((edge) => clientToWire(edge.node)),
      total: clients.totalCount,
      next_cursor: clients.pageInfo.hasNextPage ? clients.pageInfo.endCursor : null,
    }),
  }),

  defineRoute<{ client: ClientData | null }>({
    method: 'GET',
    path: '/clients/:id',
    operation: `query ($id: ID!) { client(id: $id) { ${clientSelection} } }`,
    variables: (req) => ({ id: req.params.id }),
    respond: ({ client }, req) => {
      if (!client) throw new NotFoundError(`Client ${req.params.id ?? ''}`);
      return clientToWire(client);
    },
  }),

  defineRoute<{ updateClient: ClientPayload }>({
    method: 'PATCH',
    path: '/clients/:id',
    operation: `mutation ($id: ID!, $input: UpdateClientInput!) {
      updateClient(id: $id, input: $input) {
        ${payloadErrorSelection}
        ... on UpdateClientSuccess { client { ${clientSelection} } }
      }
    }`,
    variables: (req) => ({ id: req.params.id, input: bodyToInput(req.body, clientInputNames) }),
    respond: ({ updateClient }) => clientToWire(unwrapPayload(updateClient).client),
  }),

  lifecycle('pause'),
  lifecycle('resume'),

  defineRoute<{ deleteClient: Payload<{ result: { numberReleased: boolean } }> }>({
    method: 'DELETE',
    path: '/clients/:id',
    operation: `mutation ($id: ID!) {
      deleteClient(id: $id) {
        ${payloadErrorSelection}
        ... on DeleteClientSuccess { result { numberReleased } }
      }
    }`,
    variables: (req) => ({ id: req.params.id }),
    respond: ({ deleteClient }) => ({
      number_released: unwrapPayload(deleteClient).result.numberReleased,
    }),
  }),
];
