import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The fields the document asks for below the field being resolved, by field name (aliases
 * merged), following `path` (field names) down: `selectedFields(info, 'edges', 'node')` in a
 * connection's resolver names what is read of each node. Fragments are followed whatever their
 * type condition and `@skip`/`@include` are not evaluated, so the answer may name a field that
 * will not be resolved, never leave out one that will: a resolver that reads less for what is
 * not asked only ever reads too much.
 */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): ReadonlySet<string> {
  // graphql-js hands every item of a list the same fieldNodes, so a field resolved for each of
  // them looks ahead once; the nodes never change, so neither does the answer.
  let byPath = answers.get(info.fieldNodes);
  if (!byPath) {
    byPath = new Map();
    answers.set(info.fieldNodes, byPath);
  }
  const key = path.join('.');
  let names = byPath.get(key);
  if (!names) {
    names = lookAhead(info, path);
    byPath.set(key, names);
  }
  return names;
}

const answers = new WeakMap<readonly FieldNode[], Map<string, ReadonlySet<string>>>();

function lookAhead(info: GraphQLResolveInfo, path: string[]): ReadonlySet<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level)
      collect(info, node.selectionSet, (f) => f.name.value === name && next.push(f));
    level = next;
  }
  const names = new Set<string>();
  for (const node of level) collect(info, node.selectionSet, (f) => names.add(f.name.value));
  return names;
}

function collect(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  visit: (field: FieldNode) => unknown,
  seen: Set<string> = new Set(),
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      collect(info, selection.selectionSet, visit, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info, info.fragments[selection.name.value]?.selectionSet, visit, seen);
    }
  }
}
