// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './identity.module.js';
export * from './users/users.service.js';
export { AuthService, actorOf } from './auth/auth.service.js';
export { MAX_FAILED_LOGINS } from './auth/login-throttle.js';
export { User } from './users/user.entity.js';
export { Locale } from './users/locale.enum.js';
export type { SignedInActor } from './auth/signed-in-actor.js';
export {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordChecks,
} from './auth/passwords.js';
export { CreateUserInput } from './users/create-user.input.js';
