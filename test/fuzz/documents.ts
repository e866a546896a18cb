import {
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { printLiteral, put } from './literals.js';
import type { Rng } from './rng.js';
import { type Value, type ValueSource, VarRef } from './values.js';

export interface GeneratedDocument {
  /** The root field the document is mainly about, for the summary. */
  label: string;
  mutation: boolean;
  query: string;
  /** Undefined: no `variables` key sent. */
  variables?: Record<string, Value>;
  /** Undefined: no `operationName` key sent; other kinds are sent on purpose. */
  operationName?: Value;
}

type Oddity =
  | 'none'
  | 'syntax'
  | 'duplicateName'
  | 'unknownOperationName'
  | 'twoAnonymous'
  | 'operationNameType'
  | 'fragmentCycle'
  | 'undefinedFragment'
  | 'unusedFragment'
  | 'tokenBomb'
  | 'aliasBomb'
  | 'directiveBomb'
  | 'subscription'
  | 'wrongRoot'
  | 'introspection'
  | 'empty'
  | 'manyOperations'
  | 'undeclaredVariable';

const ODDITIES: [number, Oddity][] = [
  [70, 'none'],
  [4, 'syntax'],
  [2, 'duplicateName'],
  [2, 'unknownOperationName'],
  [2, 'twoAnonymous'],
  [1, 'operationNameType'],
  [2, 'fragmentCycle'],
  [1, 'undefinedFragment'],
  [1, 'unusedFragment'],
  [2, 'tokenBomb'],
  [3, 'aliasBomb'],
  [2, 'directiveBomb'],
  [1, 'subscription'],
  [2, 'wrongRoot'],
  [2, 'introspection'],
  [1, 'empty'],
  [1, 'manyOperations'],
  [1, 'undeclaredVariable'],
];

const INTROSPECTION = [
  '__schema { types { name fields { name args { name } } } }',
  '__type(name: "Query") { name fields { name } }',
  '__type(name: "Tenant") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }',
  '__type(name: "\\u0000") { name }',
  '__type(name: 42) { name }',
  '__schema { queryType { fields { type { fields { type { fields { type { fields { name } } } } } } } } }',
];

const MANGLE_CHARS = [
  '{',
  '}',
  '(',
  ')',
  '"',
  '$',
  '@',
  '#',
  '\u0000',
  '\uD800',
  '…',
  '"""',
  '!',
  ':',
  '...',
  '\\',
];

const typeString = (type: GraphQLInputType): string =>
  isNonNullType(type)
    ? `${typeString(type.ofType)}!`
    : isListType(type)
      ? `[${typeString(type.ofType)}]`
      : type.name;

/**
 * One GraphQL document from the live schema: a root query or mutation (or a few), a random
 * selection under it, arguments of every kind as literals or variables, plausible or hostile,
 * now and then aliases, fragments, directives, depths past the limit and broken syntax.
 */
export class DocumentBuilder {
  private readonly varDefs: string[] = [];
  private readonly varValues: [string, Value][] = [];
  private readonly fragments: string[] = [];
  private n = 0;
  private readonly hostileShare: number;
  private readonly maxDepth: number;
  private readonly deep: boolean;
  /** Whether this document also breaks the rules of GraphQL here and there, or only its values. */
  private readonly breaks: boolean;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Rng,
    private readonly values: ValueSource,
  ) {
    // A third of the documents are clean, so that they get past validation to the database.
    this.hostileShare = rng.weighted([
      [35, 0],
      [40, 0.15],
      [25, 0.5],
    ]);
    const depth = rng.weighted<'within' | 'near' | 'beyond'>([
      [80, 'within'],
      [12, 'near'],
      [8, 'beyond'],
    ]);
    this.deep = depth !== 'within';
    this.breaks = rng.chance(0.3);
    this.maxDepth =
      depth === 'within' ? rng.int(1, 4) : depth === 'near' ? rng.int(7, 10) : rng.int(11, 16);
  }

  /** A small break of the document's validity, in the documents that break them. */
  private breakHere(p: number): boolean {
    return this.breaks && this.rng.chance(p);
  }

  private hostile(): boolean {
    return this.hostileShare > 0 && this.rng.chance(this.hostileShare);
  }

  build(): GeneratedDocument {
    const rng = this.rng;
    const oddity = rng.weighted(ODDITIES);
    const queryType = this.schema.getQueryType()!;
    const mutationType = this.schema.getMutationType();
    const mutation = !!mutationType && rng.chance(0.4);
    const own = mutation ? mutationType : queryType;
    const other = mutation ? queryType : (mutationType ?? queryType);
    const rootType = oddity === 'wrongRoot' ? other : own;
    const rootFields = Object.values(rootType.getFields());
    const fields = rng.chance(0.85) ? [rng.pick(rootFields)] : rng.subset(rootFields, 2, 3);
    const label = fields[0].name;

    const selections = fields.map((f) => this.field(f, 1));
    if (rng.chance(0.1)) selections.push('__typename');
    if (oddity === 'aliasBomb') {
      const count = rng.pick([14, 15, 16, 40, 200]);
      for (let i = 0; i < count; i++) selections.push(`t${i}: __typename`);
    }
    if (oddity === 'directiveBomb') {
      const count = rng.pick([19, 20, 21, 50]);
      // The same field many times, one directive each: valid GraphQL, past the directive limit.
      if (rng.chance(0.7))
        for (let i = 0; i < count; i++) selections.push('__typename @skip(if: false)');
      else selections.push(`__typename${' @skip(if: false)'.repeat(count)}`);
    }
    if (oddity === 'tokenBomb') selections.push('__typename '.repeat(rng.pick([4000, 6000])));
    if (oddity === 'introspection') selections.push(rng.pick(INTROSPECTION));
    if (oddity === 'undefinedFragment') selections.push('...NoSuchFragment');
    if (oddity === 'undeclaredVariable') selections.push('__typename @include(if: $undeclared)');
    if (oddity === 'unusedFragment') this.fragments.push('fragment Unused on Query { __typename }');
    if (oddity === 'fragmentCycle') {
      selections.push('...Fa');
      this.fragments.push('fragment Fa on Query { ...Fb }', 'fragment Fb on Query { ...Fa }');
    }

    const opName: string | undefined =
      rng.chance(0.5) || oddity === 'duplicateName' || oddity === 'unknownOperationName'
        ? rng.identifier()
        : undefined;
    const keyword =
      oddity === 'subscription'
        ? 'subscription'
        : mutation
          ? 'mutation'
          : opName || this.varDefs.length || rng.chance(0.3)
            ? 'query'
            : '';
    // A directive where none may stand; drawn before the variables are written, as it may add one.
    const opDirective = this.breakHere(0.05) ? ` ${this.directive()}` : '';
    const vars = this.varDefs.length ? `(${this.varDefs.join(', ')})` : '';
    const head = keyword ? `${keyword}${opName ? ` ${opName}` : ''}${vars}${opDirective} ` : '';
    const op = `${head}{ ${selections.join(' ')} }`;

    let query = [op, ...this.fragments].join('\n');
    let operationName: Value | undefined = opName && rng.chance(0.6) ? opName : undefined;
    switch (oddity) {
      case 'syntax':
        query = this.mangle(query);
        break;
      case 'duplicateName':
        query = `${op}\n${op}\n${this.fragments.join('\n')}`;
        operationName = opName;
        break;
      case 'unknownOperationName':
        operationName = rng.pick([`${opName}X`, '', '__proto__', 'constructor', 'x'.repeat(5000)]);
        break;
      case 'twoAnonymous':
        query = `${query}\n{ __typename }`;
        operationName = undefined;
        break;
      case 'operationNameType':
        operationName = rng.pick<Value>([42, {}, [], true, ['a']]);
        break;
      case 'empty':
        query = rng.pick(['', ' ', '# only a comment', '\uFEFF', '{}', 'query', '{ }', '\u0000']);
        operationName = undefined;
        break;
      case 'manyOperations': {
        const count = rng.pick([50, 300]);
        query = Array.from({ length: count }, (_, i) => `query Q${i} { __typename }`).join(' ');
        operationName = 'Q1';
        break;
      }
    }

    let variables: Record<string, Value> | undefined;
    if (this.varValues.length || rng.chance(0.5)) {
      variables = {};
      for (const [name, value] of this.varValues) put(variables, name, value);
      // Values for variables the document does not declare.
      if (rng.chance(0.03))
        put(variables, rng.pick(['__proto__', 'extra', 'constructor']), { polluted: true });
    }
    return { label, mutation, query, variables, operationName };
  }

  private mangle(query: string): string {
    const at = this.rng.int(0, query.length);
    switch (this.rng.int(0, 3)) {
      case 0:
        return query.slice(0, at);
      case 1:
        return query.slice(0, at) + this.rng.pick(MANGLE_CHARS) + query.slice(at);
      case 2:
        return query.slice(0, at) + query.slice(at + 1);
      default:
        return query.replace('{', '(');
    }
  }

  private directive(): string {
    const rng = this.rng;
    if (!this.breaks) {
      const arg = rng.chance(0.7)
        ? String(rng.chance(0.5))
        : this.variable('Boolean!', rng.chance(0.5), true);
      return `@${rng.pick(['include', 'skip'])}(if: ${arg})`;
    }
    const name = rng.pick(['include', 'skip', 'deprecated', 'specifiedBy', 'noSuchDirective']);
    const arg = rng.weighted<() => string>([
      [20, () => this.variable(rng.chance(0.5) ? 'Boolean!' : 'String', rng.chance(0.5), true)],
      [20, () => this.variable('Boolean', rng.pick<Value>([null, 'yes', 1]), rng.chance(0.8))],
      [10, () => '"yes"'],
      [10, () => '1'],
      [10, () => 'null'],
      [10, () => ''],
      [10, () => 'TRUE'],
      [10, () => '[true]'],
    ])();
    return arg === '' ? `@${name}` : `@${name}(if: ${arg})`;
  }

  /** Declares a variable of a written type with a value (or none): `$vN`. */
  private variable(declared: string, value: Value, provide: boolean): string {
    const name = `v${this.n++}`;
    this.varDefs.push(`$${name}: ${declared}`);
    if (provide) this.varValues.push([name, value]);
    return `$${name}`;
  }

  private typedVariable(type: GraphQLInputType, hint: string): string {
    const rng = this.rng;
    const declared = !this.breakHere(0.15)
      ? typeString(type)
      : rng.pick(['String', 'Int!', '[ID]', 'NoSuchType', 'LoginInput', 'Boolean!', 'Query']);
    const withDefault = rng.chance(0.03)
      ? ` = ${printLiteral(this.value(type, hint, true, 0), rng)}`
      : '';
    const value = this.value(type, hint, false, 0);
    return this.variable(declared + withDefault, value, !this.breakHere(0.1));
  }

  private field(f: GraphQLField<unknown, unknown>, depth: number): string {
    const rng = this.rng;
    let s = rng.chance(0.08) ? `${rng.identifier()}: ${f.name}` : f.name;
    const args = this.args(f);
    if (args) s += `(${args})`;
    if (rng.chance(0.06)) s += ` ${this.directive()}`;
    const named = getNamedType(f.type);
    if (isCompositeType(named)) {
      if (this.breakHere(0.04)) return s; // a composite field without a selection
      s += ` { ${this.selectionSet(named, depth + 1)} }`;
    } else if (this.breakHere(0.03)) {
      s += ' { id }'; // a selection under a scalar
    }
    return s;
  }

  private args(f: GraphQLField<unknown, unknown>): string {
    const rng = this.rng;
    const parts: string[] = [];
    for (const a of f.args) {
      const required = isNonNullType(a.type) && a.defaultValue === undefined;
      if (required ? this.breakHere(0.1) : rng.chance(0.5)) continue;
      const value = rng.chance(0.4)
        ? this.typedVariable(a.type, a.name)
        : printLiteral(this.value(a.type, a.name, true, 0), rng);
      parts.push(`${a.name}: ${value}`);
    }
    if (this.breakHere(0.04)) parts.push(`${rng.identifier()}: 1`);
    if (parts.length && this.breakHere(0.03)) parts.push(parts[0]);
    return parts.join(', ');
  }

  private selectionSet(type: GraphQLCompositeType, depth: number): string {
    const rng = this.rng;
    if (isUnionType(type)) {
      return type
        .getTypes()
        .map((t) => `... on ${t.name} { ${this.selectionSet(t, depth)} }`)
        .join(' ');
    }
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = fields.filter((f) => isCompositeType(getNamedType(f.type)));
    let chosen: GraphQLField<unknown, unknown>[];
    if (depth >= this.maxDepth || !objects.length) chosen = rng.subset(leaves, 1, 4);
    else if (this.deep) chosen = [rng.pick(objects), ...rng.subset(leaves, 0, 1)];
    else chosen = rng.subset(fields, 1, 4);
    const parts = chosen.map((f) => this.field(f, depth));
    if (!parts.length || rng.chance(0.05)) parts.push('__typename');
    if (this.breakHere(0.04)) parts.push(`unknownField${rng.int(0, 9)}`);
    const body = parts.join(' ');
    const r = rng.int(0, 99);
    if (r < 8) {
      const name = `F${this.n++}`;
      const on = !this.breakHere(0.1) || !isObjectType(type) ? type.name : 'Query';
      this.fragments.push(`fragment ${name} on ${on} { ${body} }`);
      return `...${name}${rng.chance(0.2) ? ` ${this.directive()}` : ''}`;
    }
    if (r < 14) return `... on ${type.name} { ${body} }`;
    if (r < 18) return `... ${this.directive()} { ${body} }`;
    return body;
  }

  /** A value for an input type; in a literal, now and then a variable inside it. */
  private value(type: GraphQLInputType, hint: string, inline: boolean, depth: number): Value {
    const rng = this.rng;
    if (isNonNullType(type)) {
      if (this.hostile() && rng.chance(0.08)) return null;
      return this.value(type.ofType, hint, inline, depth);
    }
    if (rng.chance(0.03) || depth > 5) return null;
    if (inline && depth > 0 && rng.chance(0.06))
      return new VarRef(this.typedVariable(type, hint).slice(1));
    if (isListType(type)) {
      const item = () => this.value(type.ofType, hint, inline, depth + 1);
      if (this.hostile()) {
        switch (rng.int(0, 4)) {
          case 0:
            return [[item()]];
          case 1:
            return [null, item()];
          case 2:
            return item(); // a single item where a list is expected: coerced
          case 3:
            return Array.from({ length: rng.pick([50, 150]) }, item);
          default:
            return [];
        }
      }
      return Array.from({ length: rng.int(0, 3) }, item);
    }
    if (isInputObjectType(type)) {
      if (this.hostile() && rng.chance(0.1)) return this.values.wrongKind();
      const obj: Record<string, Value> = {};
      for (const f of Object.values(type.getFields())) {
        const required = isNonNullType(f.type) && f.defaultValue === undefined;
        if (required ? this.hostile() && rng.chance(0.08) : rng.chance(0.45)) continue;
        put(obj, f.name, this.value(f.type, f.name, inline, depth + 1));
      }
      if (this.hostile() && rng.chance(0.08)) {
        const key = rng.pick(['extra', '__proto__', 'constructor', rng.identifier()]);
        put(obj, key, rng.pick<Value>([1, 'x', { polluted: true }]));
      }
      return obj;
    }
    if (isEnumType(type)) {
      return this.values.enumValue(
        type.getValues().map((v) => v.name),
        this.hostile(),
        inline,
      );
    }
    if (isScalarType(type)) return this.values.scalar(type.name, hint, this.hostile());
    return null;
  }
}
