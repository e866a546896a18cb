import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { DocumentBuilder } from './documents.js';
import { toJson } from './literals.js';
import { Rng } from './rng.js';
import { type FuzzPools, type Value, ValueSource } from './values.js';

/** One HTTP request of a fuzz run, with what the report needs to show it. */
export interface FuzzCase {
  index: number;
  /** The root field, or `http:<kind>` for a raw HTTP oddity. */
  label: string;
  role: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  query?: string;
  variables?: string;
  operationName?: string;
  /** How a document travels when not as a plain JSON POST: get, persisted, contentType, batch. */
  transport?: string;
  /** The authorization header was mangled on purpose (shown in full in the report). */
  oddAuthorization?: boolean;
}

export const ANONYMOUS = 'ANONYMOUS';

/** Who sends: access tokens by role; anonymous has none. */
export type Tokens = Record<string, string>;

const ROLE_WEIGHTS: Record<string, number> = {
  ADMIN: 30,
  SPACE_MANAGER: 5,
  POLICY_OFFICER: 5,
  SERVICE_DESK: 5,
  ANALYST: 5,
  TENANT_ADMIN: 12,
  TENANT_REPORTER: 8,
  SERVICE_PROVIDER: 8,
  [ANONYMOUS]: 12,
};

const CONTENT_TYPES = [
  'text/plain',
  'application/graphql',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'multipart/form-data; boundary=x',
  'application/graphql-response+json',
  'APPLICATION/JSON',
  '',
];

const b64url = (s: string) => Buffer.from(s).toString('base64url');

/**
 * The cases of a run: GraphQL documents from the live schema sent in the ways clients send them
 * (and a few ways they should not), plus raw HTTP oddities. Case i depends only on the seed, i,
 * and what the pools hold when it is drawn.
 */
export class CaseGenerator {
  private readonly roles: [number, string][];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: FuzzPools,
    private readonly tokens: Tokens,
  ) {
    this.roles = Object.entries(ROLE_WEIGHTS)
      .filter(([role]) => role === ANONYMOUS || tokens[role])
      .map(([role, w]) => [w, role]);
  }

  generate(index: number, rng: Rng): FuzzCase {
    const role = rng.weighted(this.roles);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-request-id': `fuzz-${index}`,
    };
    const token = this.tokens[role];
    if (token) headers.authorization = `Bearer ${token}`;
    const oddAuthorization = rng.chance(0.03);
    if (oddAuthorization) this.oddAuthorization(rng, headers, token ?? this.anyToken());
    if (rng.chance(0.02))
      headers['x-request-id'] = rng.pick(['x'.repeat(200), '../../', 'a b', '', '%00', 'é']);

    if (rng.chance(0.06)) return { index, role, oddAuthorization, ...this.raw(rng, headers) };

    const doc = new DocumentBuilder(this.schema, rng, new ValueSource(rng, this.pools)).build();
    const variables = doc.variables === undefined ? undefined : toJson(doc.variables);
    const fields = [`"query":${JSON.stringify(doc.query)}`];
    if (variables !== undefined) fields.push(`"variables":${variables}`);
    if (doc.operationName !== undefined)
      fields.push(`"operationName":${toJson(doc.operationName)}`);
    const operationName = doc.operationName === undefined ? undefined : toJson(doc.operationName);
    const base = {
      index,
      role,
      oddAuthorization,
      label: doc.label,
      query: doc.query,
      variables,
      operationName,
      headers,
    };

    const transport = rng.weighted([
      [84, 'post'],
      [6, 'get'],
      [5, 'persisted'],
      [3, 'contentType'],
      [2, 'batch'],
    ]);
    if (transport !== 'post') Object.assign(base, { transport });
    switch (transport) {
      case 'get': {
        const params = new URLSearchParams({ query: doc.query });
        if (variables !== undefined) params.set('variables', variables);
        if (typeof doc.operationName === 'string') params.set('operationName', doc.operationName);
        // Apollo's CSRF prevention wants this header (or a JSON content type) on a GET.
        if (rng.chance(0.7)) headers['apollo-require-preflight'] = 'true';
        delete headers['content-type'];
        return { ...base, method: 'GET', path: `/graphql?${params}` };
      }
      case 'persisted': {
        const sha = createHash('sha256').update(doc.query).digest('hex');
        const hash = rng.pick([
          Buffer.from(rng.bytes(32)).toString('hex').padEnd(64, '0'),
          sha,
          `${sha}0`,
          sha.toUpperCase(),
          '',
          'zz',
        ]);
        const version = rng.pick<Value>([1, 2, '1', 0, null]);
        const ext = `"extensions":{"persistedQuery":{"version":${toJson(version)},"sha256Hash":${JSON.stringify(hash)}}}`;
        const rest = rng.chance(0.5) ? fields : fields.slice(1);
        return { ...base, method: 'POST', path: '/graphql', body: `{${[...rest, ext].join(',')}}` };
      }
      case 'contentType': {
        const type = rng.pick(CONTENT_TYPES);
        if (type) headers['content-type'] = type;
        else delete headers['content-type'];
        return { ...base, method: 'POST', path: '/graphql', body: `{${fields.join(',')}}` };
      }
      case 'batch': {
        const one = `{${fields.join(',')}}`;
        return {
          ...base,
          method: 'POST',
          path: '/graphql',
          body: rng.pick([`[${one},${one}]`, `[${one}]`]),
        };
      }
      default:
        return { ...base, method: 'POST', path: '/graphql', body: `{${fields.join(',')}}` };
    }
  }

  private anyToken(): string {
    return this.tokens.ADMIN ?? 'a.b.c';
  }

  private oddAuthorization(rng: Rng, headers: Record<string, string>, token: string): void {
    const [head, payload, sig] = token.split('.');
    let claims: Record<string, unknown> = {};
    try {
      claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    } catch {
      // not a JWT: the other variants still apply
    }
    const forged = b64url(JSON.stringify({ ...claims, role: 'ADMIN', tenantId: null }));
    headers.authorization = rng.pick([
      'Bearer',
      'Bearer ',
      'Bearer a.b.c',
      `Bearer ${b64url('{"alg":"none","typ":"JWT"}')}.${payload}.`,
      `Bearer ${b64url('{"alg":"HS512","typ":"JWT"}')}.${payload}.${sig}`,
      `Bearer ${head}.${forged}.${sig}`,
      `Bearer ${token.slice(0, -3)}AAA`,
      `bearer ${token}`,
      `Bearer ${token} ${token}`,
      `Bearer ${'a'.repeat(6000)}`,
      'Basic YWRtaW46YWRtaW4=',
      token,
    ]);
  }

  /** Requests no client library would send. */
  private raw(rng: Rng, headers: Record<string, string>): Omit<FuzzCase, 'index' | 'role'> {
    const post = (kind: string, body: string) => ({
      label: `http:${kind}`,
      method: 'POST',
      path: '/graphql',
      headers,
      body,
    });
    const q = '{"query":"{ __typename }"';
    const depth = rng.pick([1000, 100000]);
    switch (rng.int(0, 13)) {
      case 0:
        return post(
          'bad-json',
          rng.pick([
            `${q}`,
            '{query: 1}',
            "{'query':'{ __typename }'}",
            `${q},}`,
            '{"query":"\\x"}',
            'nul',
          ]),
        );
      case 1:
        return post('json-not-object', rng.pick(['null', '123', '"text"', 'true', '{}', '']));
      case 2:
        return post(
          'query-wrong-type',
          rng.pick([
            '{"query":123}',
            '{"query":{}}',
            '{"query":["{ __typename }"]}',
            '{"query":null}',
          ]),
        );
      case 3:
        return post(
          'variables-wrong-type',
          `${q},"variables":${rng.pick(['"x"', '[]', '5', '"{\\"a\\":1}"', 'true'])}}`,
        );
      case 4:
        return post(
          'extensions-wrong-type',
          `${q},"extensions":${rng.pick(['"x"', '[]', '{"persistedQuery":"x"}', '{"persistedQuery":{"version":"x"}}', '{"persistedQuery":{}}'])}}`,
        );
      case 5:
        return post('batch', rng.pick([`[${q}},${q}}]`, '[]', '[1]', '[[]]', `[${q}}]`]));
      case 6:
        return post(
          'deep-json',
          `${q},"variables":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
        );
      case 7:
        return post(
          'proto-pollution',
          rng.pick([
            `${q},"__proto__":{"isAdmin":true}}`,
            `${q},"variables":{"__proto__":{"role":"ADMIN"}}}`,
            `${q},"constructor":{"prototype":{"role":"ADMIN"}}}`,
          ]),
        );
      case 8:
        return post('bom', `\uFEFF${q}}`);
      case 9: {
        const method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
        return { label: `http:method-${method}`, method, path: '/graphql', headers, body: `${q}}` };
      }
      case 10: {
        delete headers['content-type'];
        const path = rng.pick([
          '/graphql',
          '/graphql/',
          '/graphql?query=%',
          '/graphql?query=%E0%A4%A',
          '/graphql?query={__typename}&query={__typename}',
          '/graphql?variables={bad&query={__typename}',
          '/graphql?query[a]=1',
          '/graphql?query={__typename}&extensions={"persistedQuery":{"version":1,"sha256Hash":"00"}}',
          '/graphql%00',
          '/health/..',
          '/%',
        ]);
        headers['apollo-require-preflight'] = 'true';
        return { label: 'http:get-odd-url', method: 'GET', path, headers };
      }
      case 11:
        headers['content-encoding'] = rng.pick(['gzip', 'br', 'deflate', 'identity, gzip', 'zstd']);
        return post('content-encoding', `${q}}`);
      case 12:
        return post('duplicate-keys', `{"query":"mutation { login }","query":"{ __typename }"}`);
      default:
        return post(
          'unicode-escapes',
          rng.pick([
            `{"query":"{ __typename }\\ud800"}`,
            `{"query":"\\u0000{ __typename }"}`,
            `{"query":"{ __typename }","operationName":"\\udfff"}`,
          ]),
        );
    }
  }
}

/** The cases of a run, drawn lazily so each sees the pools as the answers before it left them. */
export function* fuzzCases(
  schema: GraphQLSchema,
  pools: FuzzPools,
  tokens: Tokens,
  seed: number,
  count: number,
): Generator<FuzzCase> {
  const generator = new CaseGenerator(schema, pools, tokens);
  const streams = Rng.cases(seed, count);
  for (let i = 0; i < count; i++) yield generator.generate(i, streams[i]);
}
