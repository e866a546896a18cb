import { describe, expect, it } from '@jest/globals';
import { IntrinsicException } from '@nestjs/common';
import {
  BadInputError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from './errors.js';

describe('errors raised on purpose', () => {
  it('are not logged by Nest as the server’s errors: they are the caller’s', () => {
    for (const e of [
      new BadInputError('outputValue', 'must not be negative'),
      new ConflictError('taken'),
      new ForbiddenError(),
      new NotFoundError('Tenant', 'x'),
      new UnauthenticatedError('Email or password is not right'),
    ]) {
      expect(e).toBeInstanceOf(IntrinsicException);
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(e.constructor.name);
    }
  });

  it('name each refused field in the message and in fields', () => {
    const e = new BadInputError([
      { field: 'outputValue', message: 'must not be negative' },
      { field: 'period', message: 'has not begun' },
    ]);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe('outputValue: must not be negative; period: has not begun');
    expect(e.fields).toHaveLength(2);
  });
});
