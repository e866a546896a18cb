import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { constraintError, pgError, PG } from '@jcv/database';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  DomainError,
  type ErrorCode,
  type FieldError,
  ScalarInputError,
  withRequestId,
} from '@jcv/shared';
import { inputFieldOf } from './input-guard.plugin.js';
// Declares the constraints of the app's own table (claimed Idempotency-Keys).
import './idempotency.constraints.js';

const log = new Logger('GraphQL');

const requestIdOfError = new WeakMap<object, string>();

/**
 * Remembers which request each error belongs to, so that the error mapping logs an unexpected
 * one with its request id also where no request context was entered (a query's).
 */
export const errorRequestIdPlugin: ApolloServerPlugin<{ req?: { id?: string } }> = {
  async requestDidStart({ contextValue }) {
    const requestId = contextValue.req?.id;
    if (!requestId) return;
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) requestIdOfError.set(error, requestId);
      },
    };
  },
};

/**
 * The codes an answer may carry: the contract's, the two of a refused document, and Apollo's
 * persisted-query code, which its clients' persisted-query links look for.
 */
export type AnswerCode =
  | ErrorCode
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PERSISTED_QUERY_NOT_SUPPORTED';

interface Answer {
  code: AnswerCode;
  message: string;
  fields?: FieldError[];
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The reason part of a graphql-js message: `Variable "$i" got invalid value …; reason`. */
const reasonOf = (message: string) =>
  message.includes('; ') ? message.slice(message.lastIndexOf('; ') + 2) : message;

/** Reads which input field a graphql-js coercion message is about. */
function fieldsFromMessage(message: string): FieldError[] {
  const at = /at "([^"]+)"/.exec(message);
  const variable = /Variable "\$([^"]+)"/.exec(message);
  const missingField = /Field "([^"]+)" of required type/.exec(message);
  const unknownField = /Field "([^"]+)" is not defined by type/.exec(message);
  const argument = /[Aa]rgument "([^"]+)"/.exec(message);
  const path = unknownField?.[1] ?? at?.[1] ?? missingField?.[1] ?? argument?.[1] ?? variable?.[1];
  const field = path ? (path.split('.').pop() ?? path).replace(/\[\d+\]$/, '') : 'input';
  return [{ field, message: reasonOf(message) }];
}

/** graphql-js and Apollo name near misses ("Did you mean …?"): that maps the schema for anyone. */
const stripSuggestions = (message: string) => message.replace(/\s*Did you mean [^?]*\?/g, '');

/** Messages quote values the caller sent; a long one is cut rather than sent back whole. */
const MAX_MESSAGE = 500;
const clip = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;

/**
 * Apollo's refusals of an HTTP request that is not a GraphQL request we take, in our words: the
 * part of the request at fault and what to send instead.
 */
const BAD_REQUESTS: [RegExp, string, string][] = [
  [/queries must be strings/, 'query', 'must be a string holding a GraphQL document'],
  [/non-empty `query`/, 'query', 'is missing: send the GraphQL document in `query`'],
  [/GET requests only support query/, 'query', 'a mutation must be sent with POST'],
  [
    /POST body missing/,
    'body',
    'must be a JSON object with `query` (content-type: application/json)',
  ],
  [/Cross-Site Request Forgery/, 'content-type', 'must be application/json'],
  [/content-type/i, 'content-type', 'must be application/json'],
  [/[Bb]atching|No operations found/, 'body', 'must be one operation: batched requests are off'],
  [/variables/, 'variables', 'must be a JSON object'],
  [/extensions/, 'extensions', 'must be a JSON object'],
  [/operationName/, 'operationName', 'must be a string'],
  [/search parameter may only be specified once/, 'query', 'each parameter may be given once'],
  [/'accept' header/, 'accept', 'must accept application/json'],
  [/only GET\/POST/, 'method', 'must be GET or POST'],
];

function badRequest(message: string): Answer {
  const [, field, reason] = BAD_REQUESTS.find(([re]) => re.test(message)) ?? [
    null,
    'body',
    'is not a GraphQL request: POST a JSON object with `query` and optional `variables`',
  ];
  return {
    code: 'BAD_USER_INPUT',
    message: `${field} ${reason}`,
    fields: [{ field, message: reason }],
  };
}

function fromHttpException(original: HttpException): Answer {
  const status = original.getStatus();
  const code: ErrorCode =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : status === 409
            ? 'CONFLICT'
            : status < 500
              ? 'BAD_USER_INPUT'
              : 'INTERNAL_SERVER_ERROR';
  return {
    code,
    message: code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : original.message,
  };
}

function fromDatabase(original: unknown): Answer | null {
  const pg = pgError(original);
  if (!pg) return null;
  // The services check first and explain better; these are the database's last word, reached
  // when two requests race past the checks: a named constraint as its lib declared it, any
  // other by its SQLSTATE.
  const declared = constraintError(original);
  if (declared) {
    return { code: declared.code, message: declared.message, fields: declared.fields };
  }
  switch (pg.code) {
    case PG.uniqueViolation:
      return { code: 'CONFLICT', message: 'This record already exists' };
    case PG.exclusionViolation:
      return { code: 'CONFLICT', message: 'This overlaps a record that already exists' };
    case PG.serializationFailure:
    case PG.deadlockDetected:
      return { code: 'CONFLICT', message: 'Another change got there first; try again' };
    case PG.foreignKeyViolation: {
      const column = /Key \(([a-z_]+)\)/.exec(pg.detail ?? '')?.[1];
      const field = column ? camel(column) : 'input';
      return {
        code: 'BAD_USER_INPUT',
        message: `${field} does not exist`,
        fields: [{ field, message: 'does not exist' }],
      };
    }
    case PG.checkViolation:
    case PG.notNullViolation:
    case '22P02': // invalid text representation, e.g. an id that is not a uuid
    case '22003': // numeric out of range
    case '22007':
    case '22008':
    case '22001': // value too long for its column
    case '22021': // a character the database cannot store (the input guard refuses it first)
    case '22P05': {
      const field = pg.column ? camel(pg.column) : 'input';
      return {
        code: 'BAD_USER_INPUT',
        message: `${field} is not valid`,
        fields: [{ field, message: 'is not valid' }],
      };
    }
  }
  return null;
}

function classify(original: unknown, error: unknown, formatted: GraphQLFormattedError): Answer {
  if (original instanceof DomainError) {
    return { code: original.code, message: original.message, fields: original.fields };
  }
  if (original instanceof HttpException) return fromHttpException(original);
  const db = fromDatabase(original);
  if (db) return db;

  const code = formatted.extensions?.code;
  switch (code) {
    case 'GRAPHQL_PARSE_FAILED':
      return { code, message: formatted.message };
    case 'GRAPHQL_VALIDATION_FAILED': {
      // A scalar refusing an inline literal (a Decimal " 1") is about the value, not the document.
      const cause = error instanceof GraphQLError ? error.originalError : undefined;
      if (cause instanceof ScalarInputError) {
        const field = inputFieldOf(error)?.field;
        const reason = cause.message;
        return {
          code: 'BAD_USER_INPUT',
          message: `${field ?? 'input'}: ${reason}`,
          fields: [{ field: field ?? 'input', message: reason }],
        };
      }
      // graphql-armor words its limits "Syntax Error: …" though they are checked in validation.
      return { code, message: formatted.message.replace(/^Syntax Error: /, '') };
    }
    case 'BAD_USER_INPUT': {
      const given = formatted.extensions?.fields;
      if (Array.isArray(given)) return { code, message: formatted.message, fields: given };
      // Variable coercion: graphql-js quotes the whole value, which may be megabytes long. A
      // variable refused as a whole (or one item of it) is named by the argument or field it
      // stands for, not by the variable's own name.
      const usedAs = inputFieldOf(error);
      const fields = fieldsFromMessage(formatted.message).map((f) =>
        usedAs?.variable !== undefined && f.field === usedAs.variable
          ? { ...f, field: usedAs.field }
          : f,
      );
      return { code, message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields };
    }
    case 'BAD_REQUEST':
      return badRequest(formatted.message);
    case 'OPERATION_RESOLUTION_FAILURE':
      return {
        code: 'BAD_USER_INPUT',
        message: formatted.message,
        fields: [{ field: 'operationName', message: formatted.message }],
      };
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
    case 'PERSISTED_QUERY_NOT_FOUND':
      // Persisted queries are off; the code is what persisted-query links fall back on.
      return {
        code: 'PERSISTED_QUERY_NOT_SUPPORTED',
        message: 'PersistedQueryNotSupported: send the document itself in `query`',
      };
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return { code, message: formatted.message };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

/**
 * The one mapping from what went wrong to the contract's `extensions.code`. Unexpected errors are
 * logged in full and answered with a bare message; outside development no stack, no SQL and no
 * suggestion of names.
 */
export function createFormatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const answer = classify(original, error, formatted);
    const { code } = answer;
    if (code === 'INTERNAL_SERVER_ERROR') {
      const at = formatted.path?.join('.') ?? 'request';
      const requestId =
        typeof error === 'object' && error ? requestIdOfError.get(error) : undefined;
      withRequestId(requestId, () => {
        if (original instanceof Error)
          log.error(`unexpected error in ${at}: ${original.message}`, original.stack);
        else log.error(`unexpected error in ${at}: ${String(original)}`);
      });
    }
    const clean = development ? clip : (m: string) => clip(stripSuggestions(m));
    const message = clean(answer.message);
    const extensions: Record<string, unknown> = { code };
    if (code === 'BAD_USER_INPUT') {
      extensions.fields = (answer.fields ?? fieldsFromMessage(answer.message)).map((f) => ({
        field: f.field,
        message: clean(f.message),
      }));
    }
    if (development) {
      if (code === 'INTERNAL_SERVER_ERROR' && original instanceof Error)
        extensions.detail = original.message;
      if (formatted.extensions?.stacktrace) extensions.stacktrace = formatted.extensions.stacktrace;
    }
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  };
}
