import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { CREATE_ACTOR, SIMILAR_ACTORS, UPDATE_ACTOR } from '../api/queries';
import type { ResultOf } from '../api/graphql';
import type { ActorRef } from '../api/types';
import { ACTOR_KINDS, humanize, type ActorKind } from '../lib/format';
import { ErrorNote } from './ErrorNote';

type Similar = ResultOf<typeof SIMILAR_ACTORS>['similarActors'][number];

/** createActor refuses from this score on (SIMILARITY.actorDuplicate on the server). */
const LIKELY = 0.75;

export interface ActorDraft {
  id?: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  affiliationId: string | null;
}

/**
 * Creates an actor (warning of likely duplicates while the name is typed, as createActor would
 * refuse them) or edits one: name, kind, aliases, affiliation.
 */
export function ActorForm({
  actor,
  actors,
  onSaved,
}: {
  /** the actor to edit; a new one when absent */
  actor?: ActorDraft;
  /** the actors an affiliation may point at */
  actors: ActorRef[];
  onSaved(): void;
}) {
  const prefix = actor?.id ? `actor-${actor.id}` : 'new-actor';
  const [name, setName] = useState(actor?.name ?? '');
  const [kind, setKind] = useState<ActorKind>(actor?.kind ?? 'PERSON');
  const [aliases, setAliases] = useState((actor?.aliases ?? []).join(', '));
  const [affiliationId, setAffiliationId] = useState(actor?.affiliationId ?? '');
  const [similar, setSimilar] = useState<Similar[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (actor?.id || name.trim().length < 3) return;
    let stale = false;
    const timer = setTimeout(() => {
      gql(SIMILAR_ACTORS, { name: name.trim() })
        .then((data) => {
          if (!stale) setSimilar(data.similarActors);
        })
        .catch(() => undefined);
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [name, actor?.id]);

  const shown = !actor?.id && name.trim().length >= 3 ? similar : [];
  const likely = shown.some((s) => s.score >= LIKELY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      kind,
      aliases: aliases
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      affiliationId: affiliationId || null,
    };
    try {
      if (actor?.id) await gql(UPDATE_ACTOR, { input: { actorId: actor.id, ...fields } });
      else await gql(CREATE_ACTOR, { input: { ...fields, allowDuplicate: likely } });
      setError(null);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} data-testid={`${prefix}-form`}>
      <label htmlFor={`${prefix}-name`}>Name</label>
      <input
        id={`${prefix}-name`}
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      {shown.length > 0 && (
        <div className={likely ? 'warning' : 'muted small'} data-testid="similar-actors">
          {likely ? 'Possible duplicate of: ' : 'Similar actors: '}
          {shown.map((s) => `${s.actor.name} (${humanize(s.actor.kind).toLowerCase()})`).join(', ')}
        </div>
      )}
      <label htmlFor={`${prefix}-kind`}>Kind</label>
      <select
        id={`${prefix}-kind`}
        value={kind}
        onChange={(e) => setKind(e.target.value as ActorKind)}
      >
        {ACTOR_KINDS.map((k) => (
          <option key={k} value={k}>
            {humanize(k)}
          </option>
        ))}
      </select>
      <label htmlFor={`${prefix}-aliases`}>Aliases (comma-separated)</label>
      <input
        id={`${prefix}-aliases`}
        value={aliases}
        onChange={(e) => setAliases(e.target.value)}
      />
      <label htmlFor={`${prefix}-affiliation`}>Affiliated with</label>
      <select
        id={`${prefix}-affiliation`}
        value={affiliationId}
        onChange={(e) => setAffiliationId(e.target.value)}
      >
        <option value="">Nobody</option>
        {actors
          .filter((a) => a.id !== actor?.id)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
      </select>
      <ErrorNote error={error} />
      <div>
        <button type="submit" disabled={!name.trim()}>
          {actor?.id ? 'Save actor' : likely ? 'Create anyway' : 'Create actor'}
        </button>
      </div>
    </form>
  );
}
