import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type ValueNode,
  visit,
} from 'graphql';
import { badCharacter, type FieldError } from '@jcv/shared';

interface Pending {
  value: unknown;
  field: string;
}

/**
 * The first bad string in a variable's JSON value, named by the innermost input field holding it.
 * Iterative: a variable may nest as deep as the body limit allows.
 */
function checkJson(root: unknown, field: string): FieldError | null {
  const stack: Pending[] = [{ value: root, field }];
  while (stack.length) {
    const { value, field: name } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = badCharacter(value);
      if (problem) return { field: name, message: `${name} ${problem}` };
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, field: name });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = badCharacter(key);
        if (keyProblem) return { field: name, message: `${name} ${keyProblem}` };
        stack.push({ value: item, field: key });
      }
    }
  }
  return null;
}

/**
 * What checking an operation's arguments takes, in document order: an inline string literal's
 * verdict (known once per document), or a variable to read, with the field it stands for.
 */
type Check =
  { problem: FieldError } | { variable: string; field: string; fallback: ValueNode | undefined };

/** Apollo keeps a parsed document for each query text it has seen: its checks are kept too. */
const checksOf = new WeakMap<OperationDefinitionNode, Check[]>();

function checksFor(document: DocumentNode, operation: OperationDefinitionNode): Check[] {
  const defaults = new Map<string, ValueNode>();
  for (const d of operation.variableDefinitions ?? []) {
    if (d.defaultValue) defaults.set(d.variable.name.value, d.defaultValue);
  }
  const names: string[] = [];
  const checks: Check[] = [];
  const roots: ASTNode[] = [
    operation,
    ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
  ];
  for (const root of roots) {
    visit(root, {
      VariableDefinition: () => false,
      Argument: {
        enter: (node) => void names.push(node.name.value),
        leave: () => void names.pop(),
      },
      ObjectField: {
        enter: (node) => void names.push(node.name.value),
        leave: () => void names.pop(),
      },
      StringValue: (node) => {
        const field = names.at(-1) ?? 'input';
        const problem = badCharacter(node.value);
        if (problem) checks.push({ problem: { field, message: `${field} ${problem}` } });
      },
      Variable: (node) => {
        const name = node.name.value;
        checks.push({ variable: name, field: names.at(-1) ?? name, fallback: defaults.get(name) });
      },
    });
  }
  return checks;
}

/**
 * Walks every argument of the operation (and of the fragments it may spread), inline literals and
 * variables alike; a variable left out is checked through its default value. The first bad
 * string in document order is the one reported.
 */
export function findBadString(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): FieldError | null {
  let checks = checksOf.get(operation);
  if (!checks) {
    checks = checksFor(document, operation);
    checksOf.set(operation, checks);
  }
  for (const check of checks) {
    if ('problem' in check) return check.problem;
    const found =
      variables && Object.hasOwn(variables, check.variable)
        ? checkJson(variables[check.variable], check.field)
        : check.fallback
          ? findInLiteral(check.fallback, check.field)
          : null;
    if (found) return found;
  }
  return null;
}

function findInLiteral(value: ValueNode, field: string): FieldError | null {
  const names = [field];
  let found: FieldError | null = null;
  visit(value, {
    ObjectField: {
      enter: (node) => void names.push(node.name.value),
      leave: () => void names.pop(),
    },
    StringValue: (node) => {
      const name = names.at(-1)!;
      const problem = badCharacter(node.value);
      if (problem && !found) found = { field: name, message: `${name} ${problem}` };
    },
  });
  return found;
}

/**
 * What the message of a refused value cannot tell: the field of an inline literal, or the
 * argument or field a refused variable stands for (see didEncounterErrors).
 */
export interface ErrorField {
  field: string;
  /** Set when the error is a variable's: the variable's name in the message. */
  variable?: string;
}

const fieldOfError = new WeakMap<object, ErrorField>();

export function inputFieldOf(error: unknown): ErrorField | undefined {
  return typeof error === 'object' && error !== null ? fieldOfError.get(error) : undefined;
}

/** The argument or input field each value node (and each variable) of an operation stands for. */
function fieldNames(document: DocumentNode, operation: OperationDefinitionNode | undefined) {
  const values = new Map<ASTNode, string>();
  const variables = new Map<string, string>();
  const names: string[] = [];
  // Before validation succeeds no operation is chosen yet: then every definition is read.
  const roots: readonly ASTNode[] = operation
    ? [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)]
    : document.definitions;
  for (const root of roots) {
    visit(root, {
      VariableDefinition: () => false,
      Argument: {
        enter: (node) => void names.push(node.name.value),
        leave: () => void names.pop(),
      },
      ObjectField: {
        enter: (node) => void names.push(node.name.value),
        leave: () => void names.pop(),
      },
      enter: (node) => {
        const name = names.at(-1);
        if (!name) return;
        values.set(node, name);
        if (node.kind === Kind.VARIABLE && !variables.has(node.name.value))
          variables.set(node.name.value, name);
      },
    });
  }
  return { values, variables };
}

/** The root type an operation needs, when the schema has none (this API has no subscriptions). */
function missingRootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return schema.getRootType(operation.operation) ? null : operation.operation;
}

/**
 * Refuses bad characters in every string argument with BAD_USER_INPUT naming the field, refuses
 * an operation that cannot be resolved before any other plugin looks at it, and tells the error
 * mapping which field a refused value belongs to.
 */
export const inputGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request, schema }) {
        if (!operation) {
          throw new GraphQLError(
            request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : 'Must provide operation name if query contains multiple operations.',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        }
        const missing = missingRootType(schema, operation);
        if (missing) {
          throw new GraphQLError(`This API has no ${missing} operations.`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
          });
        }
        const bad = findBadString(document, operation, request.variables);
        if (bad) {
          throw new GraphQLError(bad.message, {
            extensions: { code: 'BAD_USER_INPUT', fields: [bad], http: { status: 400 } },
          });
        }
      },
      // Only a refused request pays for the walk.
      async didEncounterErrors({ document, operation, errors }) {
        if (!document) return;
        let names: ReturnType<typeof fieldNames> | undefined;
        for (const error of errors) {
          // A scalar refusing an inline literal: the literal's node is on the error.
          const node = error.nodes?.[0];
          // A refused variable (`Variable "$d" got invalid value …`): where the operation uses it.
          const variable = /^Variable "\$([^"]+)"/.exec(error.message)?.[1];
          if (!node && !variable) continue;
          names ??= fieldNames(document, operation);
          const field = variable ? names.variables.get(variable) : names.values.get(node!);
          if (field) fieldOfError.set(error, { field, variable });
        }
      },
    };
  },
};
