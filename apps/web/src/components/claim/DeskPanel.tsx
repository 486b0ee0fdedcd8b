import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ASSIGN_CLAIM, PEOPLE, SET_CHECKLIST_ITEM } from '../../api/queries';
import type { ClaimDetailT, PersonRef } from '../../api/types';
import { formatDateTime, humanize } from '../../lib/format';
import { ErrorNote } from '../ErrorNote';

const PRIORITIES = [
  'LOW',
  'NORMAL',
  'HIGH',
  'URGENT',
] as const satisfies readonly ClaimDetailT['priority'][];

/** `2026-12-24` for the date input: the due time's day where the editor is. */
function dayOf(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Who works on the claim, by when and how urgently, and its checklist. Editors change them (each
 * change is an event, which reloads the page through the live feed); readers see them.
 */
export function DeskPanel({
  claim,
  canEdit,
  onChanged,
}: {
  claim: ClaimDetailT;
  canEdit: boolean;
  onChanged(): Promise<void> | void;
}) {
  const [people, setPeople] = useState<PersonRef[]>([]);
  /** how many people match `find` (the picker lists the first 100) */
  const [matching, setMatching] = useState(0);
  const [find, setFind] = useState('');
  const [assignee, setAssignee] = useState(claim.assignee?.id ?? '');
  /** the person last picked in the list (kept there when a new search does not find them) */
  const [picked, setPicked] = useState<PersonRef | null>(null);
  const [due, setDue] = useState(dayOf(claim.dueAt));
  const [priority, setPriority] = useState<string>(claim.priority);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** ticks sent and not yet read back: shown at once, so the box follows the click */
  const [ticking, setTicking] = useState<Record<string, boolean>>({});

  useEffect(() => {
    if (!canEdit) return;
    let stale = false;
    // typing waits a moment before asking; the first list comes at once
    const timer = setTimeout(
      () =>
        gql(PEOPLE, { search: find.trim() || null })
          .then((data) => {
            if (stale) return;
            setPeople(data.people.edges.map((e) => e.node));
            setMatching(data.people.totalCount);
          })
          .catch((e: unknown) => !stale && setError(e)),
      find ? 250 : 0,
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [canEdit, find]);

  // the current assignee, and the person picked, stay choices whatever the search shows: the
  // list always shows what Assign sends
  const kept: PersonRef[] = [];
  for (const person of [claim.assignee && { ...claim.assignee, handle: null }, picked]) {
    const listed = (p: PersonRef) => p.id === person?.id;
    if (person && !people.some(listed) && !kept.some(listed)) kept.push(person);
  }
  const choices: PersonRef[] = [...kept, ...people];

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const assign = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      gql(ASSIGN_CLAIM, {
        input: {
          claimId: claim.id,
          assigneeId: assignee || null,
          dueAt: due ? new Date(`${due}T23:59:59`).toISOString() : null,
          priority: priority as ClaimDetailT['priority'],
        },
      }),
    );
  };

  return (
    <section aria-labelledby="desk-title" className="panel stack">
      <h2 id="desk-title">Desk</h2>
      <p data-testid="assignment">
        {claim.assignee ? `Assigned to ${claim.assignee.name}` : 'Assigned to nobody'}
        {claim.dueAt ? `, due ${formatDateTime(claim.dueAt)}` : ''} · {humanize(claim.priority)}{' '}
        priority
      </p>
      {canEdit && (
        <form className="stack" onSubmit={assign} aria-label="Assign">
          <label htmlFor="find-person">Find a person</label>
          <input
            id="find-person"
            type="search"
            value={find}
            placeholder="Name or handle"
            maxLength={200}
            onChange={(e) => setFind(e.target.value)}
          />
          {matching > people.length && (
            <p className="muted" data-testid="people-more">
              Showing {people.length} of {matching} people: type to narrow the list.
            </p>
          )}
          <label htmlFor="assignee">Assignee</label>
          <select
            id="assignee"
            value={assignee}
            onChange={(e) => {
              setAssignee(e.target.value);
              setPicked(choices.find((p) => p.id === e.target.value) ?? null);
            }}
          >
            <option value="">Nobody</option>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.handle ? ` (@${p.handle})` : ''}
              </option>
            ))}
          </select>
          <label htmlFor="due">Due</label>
          <input id="due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          <label htmlFor="priority">Priority</label>
          <select id="priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {humanize(p)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            Save assignment
          </button>
        </form>
      )}
      <h3 id="checklist-title">Checklist</h3>
      <ul className="plain checklist" aria-labelledby="checklist-title">
        {claim.checklist.map((item) => (
          <li key={item.key}>
            <label>
              <input
                type="checkbox"
                checked={ticking[item.key] ?? item.done}
                disabled={!canEdit || busy}
                data-key={item.key}
                onChange={(e) => {
                  const done = e.target.checked;
                  setTicking((now) => ({ ...now, [item.key]: done }));
                  void run(() =>
                    gql(SET_CHECKLIST_ITEM, {
                      input: { claimId: claim.id, key: item.key, done },
                    }),
                  ).finally(() => setTicking(({ [item.key]: _sent, ...rest }) => rest));
                }}
              />{' '}
              {item.label}
            </label>
            {item.done && (
              <span className="muted small">
                {' '}
                — {item.doneBy?.name ?? 'someone'}
                {item.doneAt ? `, ${formatDateTime(item.doneAt)}` : ''}
              </span>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}
