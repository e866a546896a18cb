import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

/** The rules of a password being set, on the argument named `field`. */
export const IsNewPassword = (field: string) =>
  applyDecorators(
    IsString({ message: `${field} must be text` }),
    MinLength(MIN_PASSWORD_LENGTH, {
      message: `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`,
    }),
    MaxLength(MAX_PASSWORD_LENGTH, {
      message: `${field} must be at most ${MAX_PASSWORD_LENGTH} characters`,
    }),
  );
