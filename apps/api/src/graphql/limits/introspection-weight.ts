import {
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/** The root fields that answer from the schema itself. */
const META_FIELDS = new Set(['__schema', '__type']);

/**
 * What the introspection part of an answer weighs, in the units of the cost: 1 per value that
 * `__schema` and `__type` answered, as every field of the schema weighs 1. Their lists are as long
 * as the schema is (its types, their fields and arguments), which the cost counted before execution
 * cannot know, and the execution meter does not reach graphql's own introspection types; so the
 * answer is counted, in time linear in its size.
 */
export function introspectionWeight(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: Readonly<Record<string, unknown>> | null | undefined,
): number {
  if (!data) return 0;
  let weight = 0;
  const pending: unknown[] = metaKeys(document, operation.selectionSet).map((key) => data[key]);
  weight += pending.length;
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      pending.push(...value);
    } else if (value !== null && typeof value === 'object') {
      const fields = Object.values(value);
      weight += fields.length;
      pending.push(...fields);
    }
  }
  return weight;
}

/** The response keys of the root fields `__schema` and `__type`, through fragments. */
function metaKeys(document: DocumentNode, root: SelectionSetNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const keys = new Set<string>();
  const seen = new Set<string>();
  const sets = [root];
  while (sets.length > 0) {
    for (const selection of sets.pop()!.selections) {
      if (selection.kind === Kind.FIELD) {
        if (META_FIELDS.has(selection.name.value)) {
          keys.add(selection.alias?.value ?? selection.name.value);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        sets.push(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) sets.push(fragment.selectionSet);
      }
    }
  }
  return [...keys];
}
