import { IntrinsicException } from '@nestjs/common';
/** The error codes of the contract, carried in `extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

export interface FieldError {
  /** The input field's name as in the contract, e.g. "creditCode". */
  field: string;
  message: string;
}

/**
 * An error a domain service raises on purpose; its message is safe to show to the caller. It is
 * Nest's IntrinsicException, which Nest's exception handler does not log as an error: a wrong
 * password or a refused input is the caller's, not the server's (the request line records it).
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(fields: FieldError[] | FieldError);
  constructor(field: string, message: string);
  constructor(a: FieldError[] | FieldError | string, message?: string) {
    const fields =
      typeof a === 'string' ? [{ field: a, message: message! }] : Array.isArray(a) ? a : [a];
    super('BAD_USER_INPUT', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super('NOT_FOUND', id ? `${entity} ${id} was not found` : `${entity} was not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', message);
  }
}
