// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './identity.module.js';
export * from './users.service.js';
export { AuthService, actorOf } from './auth.service.js';
export { MAX_FAILED_LOGINS } from './login-throttle.js';
export { User } from './user.entity.js';
export { Locale } from './locale.js';
export type { SignedInActor } from './signed-in-actor.js';
export {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordChecks,
} from './passwords.js';
export { CreateUserInput } from './dto/create-user.input.js';
