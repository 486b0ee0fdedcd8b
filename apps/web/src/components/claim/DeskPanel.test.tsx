import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setFetcher } from '../../api/client';
import type { ClaimDetailT } from '../../api/types';
import { DeskPanel } from './DeskPanel';

const CLAIM = {
  id: 'c1',
  assignee: { id: 'p-far', name: 'Zoe Far Down The List' },
  dueAt: null,
  priority: 'NORMAL',
  checklist: [],
} as unknown as ClaimDetailT;

/** Answers `people` with the first `shown` of `total` people whose names hold the search. */
function team(total: number, shown = 100) {
  const searches: (string | null)[] = [];
  setFetcher((_url, init) => {
    const { variables } = JSON.parse(String(init?.body));
    searches.push(variables.search);
    const names = Array.from({ length: total }, (_, i) => `Person ${i}`).filter(
      (name) => !variables.search || name.includes(variables.search),
    );
    const people = {
      totalCount: names.length,
      edges: names
        .slice(0, shown)
        .map((name, i) => ({ node: { id: `p${i}-${name}`, name, handle: null } })),
    };
    return Promise.resolve(
      new Response(JSON.stringify({ data: { people } }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  return searches;
}

describe('the desk panel’s person picker', () => {
  it('keeps the current assignee, says when the list is cut, and searches the whole team', async () => {
    const searches = team(250);
    render(<DeskPanel claim={CLAIM} canEdit onChanged={vi.fn()} />);
    await waitFor(() =>
      expect(screen.getByTestId('people-more').textContent).toMatch(/Showing 100 of 250 people/),
    );
    const options = () =>
      Array.from(screen.getByLabelText('Assignee').querySelectorAll('option')).map(
        (o) => o.textContent,
      );
    // the assignee is not among the first 100, and is still the one selected
    expect(options()).toContain('Zoe Far Down The List');
    expect((screen.getByLabelText('Assignee') as HTMLSelectElement).value).toBe('p-far');
    fireEvent.change(screen.getByLabelText('Find a person'), { target: { value: 'Person 24' } });
    await waitFor(() => expect(options()).toContain('Person 249'));
    expect(searches).toEqual([null, 'Person 24']);
    expect(screen.queryByTestId('people-more')).toBeNull();
  });

  it('keeps the person picked in the list when another search no longer finds them', async () => {
    team(250);
    render(<DeskPanel claim={CLAIM} canEdit onChanged={vi.fn()} />);
    const select = () => screen.getByLabelText('Assignee') as HTMLSelectElement;
    const find = (value: string) =>
      fireEvent.change(screen.getByLabelText('Find a person'), { target: { value } });
    find('Person 24');
    await waitFor(() => expect(select().textContent).toContain('Person 249'));
    const picked = Array.from(select().options).find((o) => o.text === 'Person 249')!.value;
    fireEvent.change(select(), { target: { value: picked } });
    find('Person 3');
    await waitFor(() => expect(select().textContent).toContain('Person 39'));
    // what the list shows is what Assign sends: still the person picked
    expect(select().value).toBe(picked);
    expect(select().selectedOptions[0].text).toBe('Person 249');
  });
});
