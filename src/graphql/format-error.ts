import { HttpException, Logger } from '@nestjs/common';
import { type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { pgError, PG } from '@jcv/database';
import { DomainError, type ErrorCode, type FieldError } from '@jcv/shared';

const log = new Logger('GraphQL');

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Reads which input field a graphql-js coercion message is about. */
function fieldsFromMessage(message: string): FieldError[] {
  const at = /at "([^"]+)"/.exec(message);
  const variable = /Variable "\$([^"]+)"/.exec(message);
  const missingField = /Field "([^"]+)" of required type/.exec(message);
  const argument = /[Aa]rgument "([^"]+)"/.exec(message);
  const path = at?.[1] ?? missingField?.[1] ?? argument?.[1] ?? variable?.[1];
  const field = path ? (path.split('.').pop() ?? path).replace(/\[\d+\]$/, '') : 'input';
  const reason = message.includes('; ') ? message.slice(message.lastIndexOf('; ') + 2) : message;
  return [{ field, message: reason }];
}

function classify(
  original: unknown,
  formatted: GraphQLFormattedError,
): {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
} {
  if (original instanceof DomainError) {
    return { code: original.code, message: original.message, fields: original.fields };
  }
  if (original instanceof HttpException) {
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
  const pg = pgError(original);
  if (pg) {
    // The services check first and explain better; these are the database's last word, reached
    // when two requests race past the checks.
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
      case '22008': {
        const field = pg.column ? camel(pg.column) : 'input';
        return {
          code: 'BAD_USER_INPUT',
          message: `${field} is not valid`,
          fields: [{ field, message: 'is not valid' }],
        };
      }
    }
  }
  const code = formatted.extensions?.code;
  if (
    code === 'BAD_USER_INPUT' ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'BAD_REQUEST' ||
    code === 'OPERATION_RESOLUTION_FAILURE'
  ) {
    return {
      code: 'BAD_USER_INPUT',
      message: formatted.message,
      fields: fieldsFromMessage(formatted.message),
    };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'PERSISTED_QUERY_NOT_FOUND') {
    return {
      code:
        code === 'FORBIDDEN'
          ? 'FORBIDDEN'
          : code === 'UNAUTHENTICATED'
            ? 'UNAUTHENTICATED'
            : 'BAD_USER_INPUT',
      message: formatted.message,
    };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

/**
 * The one mapping from what went wrong to the contract's `extensions.code`. Unexpected errors are
 * logged in full and answered with a bare message: no SQL, no stack outside development.
 */
export function createFormatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { code, message, fields } = classify(original, formatted);
    if (code === 'INTERNAL_SERVER_ERROR') {
      const at = formatted.path?.join('.') ?? 'request';
      if (original instanceof Error)
        log.error(`unexpected error in ${at}: ${original.message}`, original.stack);
      else log.error(`unexpected error in ${at}: ${String(original)}`);
    }
    const extensions: Record<string, unknown> = { code };
    if (code === 'BAD_USER_INPUT') extensions.fields = fields ?? fieldsFromMessage(message);
    if (development) {
      if (code === 'INTERNAL_SERVER_ERROR' && original instanceof Error)
        extensions.detail = original.message;
      if (formatted.extensions?.stacktrace) extensions.stacktrace = formatted.extensions.stacktrace;
    }
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  };
}
