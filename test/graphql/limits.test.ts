/** Hostile GraphQL documents are refused before any resolver runs; ordinary ones still pass. */
import {
  getIntrospectionQuery,
  getNamedType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxNodeIds } from '../../src/graphql/builder.js';
import { graphqlLimits } from '../../src/graphql/limits.js';
import { schema } from '../../src/graphql/schema.js';
import { call, startTestServer, type CallResult, type TestServer } from '../support/server.js';

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; path?: unknown; extensions?: { code?: string } }[];
}

/** A query nesting `levels` object fields below Query, when the schema is that deep. */
function nestedQuery(levels: number): string | undefined {
  const dead = new Set<string>();
  function walk(type: GraphQLObjectType, left: number): string | undefined {
    if (left === 0) return '__typename';
    if (dead.has(`${type.name}:${left}`)) return undefined;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      const needsArgs = field.args.some((arg) => isNonNullType(arg.type));
      const inner = isObjectType(target) && !needsArgs ? walk(target, left - 1) : undefined;
      if (inner) return `${field.name} { ${inner} }`;
    }
    dead.add(`${type.name}:${left}`);
    return undefined;
  }
  const query = schema.getQueryType();
  const selection = query ? walk(query, levels) : undefined;
  return selection && `{ ${selection} }`;
}

const tooDeep = nestedQuery(graphqlLimits.depth);

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
});

afterAll(async () => {
  await server.close();
});

async function ask(query: string): Promise<GraphQLBody> {
  const result = await server.graphql(query, undefined, { key });
  return result.json as GraphQLBody;
}

function expectRefused(body: GraphQLBody, code: string, message: RegExp): void {
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  expect(body.errors?.[0]?.message).toMatch(message);
}

const repeated = (selection: string, times: number) => Array(times).fill(selection).join(' ');

describe('query limits', () => {
  it('answers an ordinary query', async () => {
    const body = await ask('{ meta { plans { tier } } }');

    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      meta: {
        plans: [{ tier: 'starter' }, { tier: 'pro' }, { tier: 'business' }, { tier: 'scale' }],
      },
    });
  });

  it.skipIf(!tooDeep)('refuses a query nested deeper than the default depth limit', async () => {
    const body = await ask(tooDeep ?? '');

    expectRefused(body, 'QUERY_TOO_COMPLEX', /depth/);
  });

  it('refuses introspection nested past the introspection depth limit', async () => {
    const nested = 'fields { type { fields { type { fields { type { name } } } } } }';

    const body = await ask(`{ __schema { types { ${nested} } } }`);

    expectRefused(body, 'GRAPHQL_VALIDATION_FAILED', /introspection depth/);
  });

  it('answers the introspection query GraphiQL sends', async () => {
    const body = await ask(getIntrospectionQuery());

    expect(body.errors).toBeUndefined();
    expect(body.data).toHaveProperty('__schema.queryType.name', 'Query');
  });

  it('answers a query with as many aliases as the limit allows', async () => {
    const aliased = Array.from({ length: graphqlLimits.aliases }, (_, i) => `a${i}: __typename`);

    const body = await ask(`{ ${aliased.join(' ')} }`);

    expect(body.errors).toBeUndefined();
  });

  it('refuses a query with one alias more than the limit', async () => {
    const count = graphqlLimits.aliases + 1;
    const aliased = Array.from({ length: count }, (_, i) => `a${i}: meta { transferTriggers }`);

    const body = await ask(`{ ${aliased.join(' ')} }`);

    expectRefused(body, 'QUERY_TOO_COMPLEX', /aliases/);
  });

  it('refuses a query broader than the breadth limit', async () => {
    const body = await ask(`{ meta { voices { ${repeated('id', graphqlLimits.breadth)} } } }`);

    expectRefused(body, 'QUERY_TOO_COMPLEX', /breadth/);
  });

  it('refuses a query selecting more fields than the selection limit', async () => {
    const fields = 'id label desc __typename';
    const times = Math.ceil((graphqlLimits.selections + 1) / 4);

    const body = await ask(`{ meta { voices { ${repeated(fields, times)} } } }`);

    expectRefused(body, 'QUERY_TOO_COMPLEX', /selects more than/);
  });

  it('refuses a document of more lexical tokens than the limit', async () => {
    const body = await ask(`{ ${repeated('__typename', graphqlLimits.tokens)} }`);

    expectRefused(body, 'GRAPHQL_PARSE_FAILED', new RegExp(`${graphqlLimits.tokens} tokens`));
  });
});

describe('nodes(ids:)', () => {
  const nodesQuery = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
  const ids = (count: number) => Array.from({ length: count }, (_, i) => `cust_missing${i}`);

  it('answers as many ids as the limit allows', async () => {
    const result = await server.graphql(nodesQuery, { ids: ids(maxNodeIds) }, { key });

    expect(result.json).toStrictEqual({ data: { nodes: Array(maxNodeIds).fill(null) } });
  });

  it('refuses one id more than the limit with a validation error naming ids', async () => {
    const result = await server.graphql(nodesQuery, { ids: ids(maxNodeIds + 1) }, { key });

    const body = result.json as GraphQLBody;
    expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/^ids: /);
  });

  it('costs each id, so a cost limit bounds what it may select', async () => {
    const limited = await startTestServer({ env: { GRAPHQL_MAX_COMPLEXITY: '100' } });
    const limitedKey = (await limited.createReseller()).apiKey;

    const result = await limited.graphql(nodesQuery, { ids: ids(maxNodeIds) }, { key: limitedKey });
    await limited.close();

    expectRefused(result.json as GraphQLBody, 'QUERY_TOO_COMPLEX', /complexity/);
  });
});

describe('a failing field', () => {
  it('carries the path of the alias that failed', async () => {
    const body = await ask(
      '{ ok: meta { transferTriggers } bad: clients(first: -5) { totalCount } }',
    );

    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ['bad'],
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });
});

describe('CSRF prevention', () => {
  const plansQuery = encodeURIComponent('{ meta { plans { tier } } }');

  function getQuery(headers: Record<string, string> = {}): Promise<CallResult> {
    return call(`${server.url}/graphql?query=${plansQuery}`, 'GET', { key, headers });
  }

  it('refuses a GET without the CSRF header', async () => {
    const result = await getQuery();

    expect(result.status).toBe(403);
    expect((result.json as GraphQLBody).data).toBeUndefined();
  });

  it('answers a GET with the CSRF header', async () => {
    const result = await getQuery({ 'x-graphql-yoga-csrf': '1' });

    expect(result.status).toBe(200);
    expect((result.json as GraphQLBody).data).toHaveProperty('meta.plans');
  });

  it('refuses a text/plain POST', async () => {
    const result = await call(`${server.url}/graphql`, 'POST', {
      key,
      rawBody: JSON.stringify({ query: '{ meta { plans { tier } } }' }),
      headers: { 'content-type': 'text/plain' },
    });

    expect(result.status).toBe(403);
    expect((result.json as GraphQLBody).data).toBeUndefined();
  });
});

describe('GraphiQL', () => {
  it('serves its page to a browser without a key', async () => {
    const result = await call(`${server.url}/graphql`, 'GET', { headers: { accept: 'text/html' } });

    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^text\/html/);
    expect(result.text).toMatch(/graphiql/i);
  });
});

describe('a depth limit set by GRAPHQL_MAX_DEPTH', () => {
  const limit = 4;
  let shallow: TestServer;
  let shallowKey: string;

  beforeAll(async () => {
    shallow = await startTestServer({ env: { GRAPHQL_MAX_DEPTH: String(limit) } });
    shallowKey = (await shallow.createReseller()).apiKey;
  });

  afterAll(async () => {
    await shallow.close();
  });

  async function askShallow(query: string): Promise<GraphQLBody> {
    return (await shallow.graphql(query, undefined, { key: shallowKey })).json as GraphQLBody;
  }

  // Depth counts every level of fields, the leaf too: nestedQuery(n) is n + 1 deep.
  it('answers a query exactly as deep as the limit', async () => {
    const body = await askShallow(nestedQuery(limit - 1) ?? '');

    expect(body.errors).toBeUndefined();
  });

  it('refuses a query one level deeper than the limit, before any resolver runs', async () => {
    const body = await askShallow(nestedQuery(limit) ?? '');

    expectRefused(body, 'QUERY_TOO_COMPLEX', /depth 5 exceeds the limit of 4/);
  });
});

describe('a cost limit lowered by GRAPHQL_MAX_COMPLEXITY', () => {
  let strict: TestServer;
  let strictKey: string;
  const listQuery = '{ clients(first: 100) { edges { node { id config { language } } } } }';

  beforeAll(async () => {
    strict = await startTestServer({ env: { GRAPHQL_MAX_COMPLEXITY: '100' } });
    strictKey = (await strict.createReseller()).apiKey;
    await strict.rest('POST', '/clients', { key: strictKey, body: { name: 'Ace Plumbing' } });
  });

  afterAll(async () => {
    await strict.close();
  });

  it('refuses a GraphQL list that costs more than the limit', async () => {
    const body = (await strict.graphql(listQuery, undefined, { key: strictKey })).json;

    expectRefused(
      body as GraphQLBody,
      'QUERY_TOO_COMPLEX',
      /complexity \d+ exceeds the limit of 100/,
    );
  });

  it('never refuses a v1 route, whose documents are fixed', async () => {
    const result = await strict.rest('GET', '/clients', { key: strictKey });

    expect(result.status).toBe(200);
    expect((result.json as { clients: unknown[] }).clients).toHaveLength(1);
  });
});
