import { DocumentNode, FragmentDefinitionNode, Kind, SelectionSetNode } from 'graphql';

/** Counts the selections a walk visits, so that tests can bound the work by the document's size. */
export interface WalkCounter {
  selections: number;
}

/** The names of the fragments that `selectionSet` spreads at any depth (spreads not followed). */
function spreadNames(selectionSet: SelectionSetNode, counter?: WalkCounter): Set<string> {
  const names = new Set<string>();
  const pending = [selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (counter) counter.selections += 1;
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.add(selection.name.value);
      else if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return names;
}

/** A fragment's measure by its name: undefined for an unknown name (graphql reports it). */
export type SpreadMeasure<T> = (name: string) => T | undefined;

/**
 * Measures every fragment of `document` exactly once, each after the fragments it spreads (Kahn's
 * topological order), so that `measure` reads the measure of a spread in constant time instead of
 * walking the fragment again: the whole takes time linear in the document, where following the
 * spreads would take exponential time (each of F0…F40 spreading the next twice is 2⁴¹ walks).
 *
 * A fragment that spreads itself, directly or through others, or that reaches such a cycle,
 * expands without end: it measures `unbounded`. graphql's NoFragmentCycles rejects such documents,
 * but validation rules run side by side, so the limit rules must not loop first.
 */
export function measureFragments<T>(
  document: DocumentNode,
  measure: (fragment: FragmentDefinitionNode, spread: SpreadMeasure<T>) => T,
  unbounded: T,
  counter?: WalkCounter,
): SpreadMeasure<T> {
  // As in graphql's execution, the last definition of a name is the one that counts.
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const unmeasuredSpreads = new Map<string, number>();
  const spreaders = new Map<string, string[]>();
  const ready: string[] = [];
  for (const [name, fragment] of fragments) {
    const spreads = [...spreadNames(fragment.selectionSet, counter)].filter((spread) =>
      fragments.has(spread),
    );
    unmeasuredSpreads.set(name, spreads.length);
    if (spreads.length === 0) ready.push(name);
    for (const spread of spreads) {
      const list = spreaders.get(spread);
      if (list) list.push(name);
      else spreaders.set(spread, [name]);
    }
  }

  const measures = new Map<string, T>();
  const spread: SpreadMeasure<T> = (name) =>
    fragments.has(name) ? (measures.has(name) ? measures.get(name) : unbounded) : undefined;
  for (let name = ready.pop(); name !== undefined; name = ready.pop()) {
    measures.set(name, measure(fragments.get(name)!, spread));
    for (const spreader of spreaders.get(name) ?? []) {
      const left = unmeasuredSpreads.get(spreader)! - 1;
      unmeasuredSpreads.set(spreader, left);
      if (left === 0) ready.push(spreader);
    }
  }
  return spread;
}
