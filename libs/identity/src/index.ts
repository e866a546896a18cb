export * from './identity.module.js';
export * from './users.service.js';
export { AuthService, actorOf, MAX_FAILED_LOGINS } from './auth.service.js';
export { User } from './user.entity.js';
export { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
export { CreateUserInput } from './dto/create-user.input.js';
