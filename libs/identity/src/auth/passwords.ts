import { Algorithm, hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused: hashing megabytes with argon2 would be a denial of service. */
export const MAX_PASSWORD_LENGTH = 256;

// OWASP's argon2id recommendation (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let checks = 0;

/**
 * How many passwords this process has verified: the sign-in throttle's tests count with it that
 * no more guesses reach argon2 than the throttle allows.
 */
export function passwordChecks(): number {
  return checks;
}

// Verified against when the email is unknown, so that a wrong email costs as long as a wrong
// password and the answer's timing does not tell which one was wrong.
let decoy: Promise<string> | undefined;

export async function verifyPassword(
  stored: string | undefined,
  password: string,
): Promise<boolean> {
  checks++;
  if (!stored) {
    decoy ??= hashPassword('decoy password for unknown accounts');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
