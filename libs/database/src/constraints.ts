import { BadInputError, ConflictError, type DomainError } from '@jcv/shared';
import { pgError } from './pg-errors.js';

/**
 * What a caller is told when its change breaks a named constraint. `message` is said when
 * nothing more is known (a violation that reaches the error mapping untranslated); `explain`
 * words it from the input a service passes to explainConstraint or translateConstraints, and
 * may read the database (the lease already holding a period). For BAD_USER_INPUT both are the
 * field's message.
 */
export type ConstraintAnswer<I = never> =
  | { code: 'CONFLICT'; message: string; explain?: (input: I) => string | Promise<string> }
  | {
      code: 'BAD_USER_INPUT';
      field: string;
      message: string;
      explain?: (input: I) => string | Promise<string>;
    };

/** A constraint no caller can reach, with the reason: the service or the schema keeps to it. */
export interface InternalConstraint {
  internal: string;
}

export type ConstraintRule<I = never> = ConstraintAnswer<I> | InternalConstraint;

/** The reasons most internal constraints share. */
export const INTERNAL = {
  /** A column of an enum of the schema: GraphQL refuses any other value before a resolver runs. */
  enumColumn: { internal: 'holds a GraphQL enum: any other value is refused before it runs' },
  /** A state kept consistent by the one service that writes it, never taken from input. */
  state: { internal: 'state written together by its service, never taken from input' },
  /** Who made a change: the signed-in user, who exists, and users are never deleted. */
  actor: { internal: 'the signed-in user, who exists (users are deactivated, never deleted)' },
} as const satisfies Record<string, InternalConstraint>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each lib types its own input
const registry = new Map<string, ConstraintRule<any>>();

/** The same declaration, loaded again (functions compared by their text). */
const same = (a: object, b: object) => String(Object.entries(a)) === String(Object.entries(b));

/**
 * Declares a lib's constraints, by the name PostgreSQL reports (a constraint's or a unique
 * index's). Each lib calls it once, when its module loads; one name declared twice is a bug.
 */
export function registerConstraints<I = never>(rules: Record<string, ConstraintRule<I>>): void {
  for (const [name, rule] of Object.entries(rules)) {
    const known = registry.get(name);
    if (known && !same(known, rule)) throw new Error(`constraint ${name} is declared twice`);
    registry.set(name, rule);
  }
}

/** Every declared constraint, for the test that keeps the registry and the migrations in step. */
export function declaredConstraints(): ReadonlyMap<string, ConstraintRule<unknown>> {
  return registry;
}

function answerOf(err: unknown): ConstraintAnswer<unknown> | undefined {
  const name = pgError(err)?.constraint;
  const rule = name ? registry.get(name) : undefined;
  return rule && !('internal' in rule) ? rule : undefined;
}

function toError(rule: ConstraintAnswer<unknown>, message: string): DomainError {
  return rule.code === 'CONFLICT'
    ? new ConflictError(message)
    : new BadInputError(rule.field, message);
}

/** The declared answer to a violation of a named constraint; undefined for any other error. */
export function constraintError(err: unknown): DomainError | undefined {
  const rule = answerOf(err);
  return rule && toError(rule, rule.message);
}

/**
 * The declared answer to a violation of a named constraint, worded from `input` (what the
 * caller sent, and whatever the wording reads) where the declaration says how; undefined for any
 * other error. A service's catch: `throw (await explainConstraint(err, input)) ?? err`.
 */
export async function explainConstraint(
  err: unknown,
  input?: unknown,
): Promise<DomainError | undefined> {
  const rule = answerOf(err);
  if (!rule) return undefined;
  const message =
    rule.explain && input !== undefined ? await rule.explain(input as never) : rule.message;
  return toError(rule, message);
}

/**
 * Runs `work` (a whole transaction, rolled back by the time it throws) and answers a violation
 * of a declared constraint as its lib declared it.
 */
export async function translateConstraints<T>(work: () => Promise<T>, input?: unknown): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw (await explainConstraint(err, input)) ?? err;
  }
}
