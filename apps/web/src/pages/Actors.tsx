import { useEffect, useState } from 'react';
import { gql } from '../api/client';
import { useSession } from '../api/context';
import { ACTOR_LIST } from '../api/queries';
import type { ResultOf } from '../api/graphql';
import { ActorForm } from '../components/ActorForm';
import { ErrorNote } from '../components/ErrorNote';
import { humanize } from '../lib/format';
import { href } from '../lib/router';

type Listed = ResultOf<typeof ACTOR_LIST>['actors']['edges'][number]['node'];

/** The actors: found by name or alias, created (with duplicate warnings) and edited. */
export function Actors() {
  const { token } = useSession();
  const [search, setSearch] = useState('');
  const [actors, setActors] = useState<Listed[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      gql(ACTOR_LIST, { search: search.trim() || null })
        .then((data) => {
          if (!stale) setActors(data.actors.edges.map((e) => e.node));
        })
        .catch((e: unknown) => {
          if (!stale) setError(e);
        });
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [search, reloads]);

  const saved = () => {
    setEditing(null);
    setReloads((n) => n + 1);
  };
  return (
    <section aria-labelledby="actors-title" className="stack">
      <h1 id="actors-title">Actors</h1>
      <div className="field">
        <label htmlFor="actor-search">Find an actor (name or alias)</label>
        <input
          id="actor-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <ErrorNote error={error} />
      {token && (
        <details className="panel">
          <summary>New actor</summary>
          <ActorForm actors={actors} onSaved={saved} />
        </details>
      )}
      <ul className="plain" data-testid="actor-list">
        {actors.map((actor) => (
          <li key={actor.id} className="panel" data-actor-id={actor.id}>
            <p>
              <a href={href.graph({ actorId: actor.id })}>{actor.name}</a>{' '}
              <span className="muted small">
                {humanize(actor.kind).toLowerCase()}
                {actor.aliases.length > 0 && ` · also ${actor.aliases.join(', ')}`}
                {actor.affiliation && ` · ${actor.affiliation.name}`}
              </span>{' '}
              {token && editing !== actor.id && (
                <button type="button" className="secondary" onClick={() => setEditing(actor.id)}>
                  Edit
                </button>
              )}
            </p>
            {editing === actor.id && (
              <ActorForm
                actor={{ ...actor, affiliationId: actor.affiliation?.id ?? null }}
                actors={actors}
                onSaved={saved}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
