import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setFetcher } from '../api/client';
import { SessionProvider } from '../api/context';
import { Board } from './Board';

const claim = (id: string, text: string, status: string, tags: string[]) => ({
  id,
  text,
  status,
  version: 1,
  tags,
  updatedAt: new Date().toISOString(),
  firstSeenAt: null,
  stanceSummary: {
    counts: [
      { stance: 'ASSERTS', count: 2 },
      { stance: 'DENIES', count: 1 },
    ],
    distinctActors: 3,
  },
  corrections: { totalCount: 0 },
  toReview: { totalCount: 0 },
  attributions: {
    edges: [{ node: { id: 'a', stance: 'DENIES', actor: { id: 'm', name: 'Javier Milei' } } }],
  },
});

describe('Board', () => {
  it('lists claims with status, stance summary and tags, and sends the search to the server', async () => {
    const variables: any[] = [];
    setFetcher((_url, init) => {
      const body = JSON.parse(String(init?.body));
      variables.push(body.variables);
      const search: string = body.variables?.filter?.search ?? '';
      const edges = [
        {
          cursor: '1',
          node: claim('c1', 'Advanced talks with the US', 'CONTESTED', ['deportations']),
        },
        { cursor: '2', node: claim('c2', 'Record expulsion figures', 'UNVERIFIED', ['migration']) },
      ].filter((e) => e.node.text.toLowerCase().includes(search));
      const data = body.query.includes('actors(')
        ? { actors: { edges: [{ node: { id: 'm', name: 'Javier Milei', kind: 'PERSON' } }] } }
        : { claims: { totalCount: edges.length, edges } };
      return Promise.resolve(new Response(JSON.stringify({ data })));
    });
    render(
      <SessionProvider feed={null}>
        <Board />
      </SessionProvider>,
    );
    expect(await screen.findByText('Advanced talks with the US')).toBeTruthy();
    expect(screen.getAllByText('asserted by 2, denied by 1').length).toBe(2);
    expect(screen.getAllByTestId('status').map((b) => b.textContent)).toEqual([
      'Contested',
      'Unverified',
    ]);
    expect(screen.getByRole('button', { name: '#deportations' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'expulsion' } });
    await waitFor(() => expect(screen.queryByText('Advanced talks with the US')).toBeNull());
    expect(screen.getByText('Record expulsion figures')).toBeTruthy();
    expect(variables.some((v) => v?.filter?.search === 'expulsion')).toBe(true);

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'CONTESTED' } });
    await waitFor(() =>
      expect(variables.some((v) => v?.filter?.status?.[0] === 'CONTESTED')).toBe(true),
    );
  });

  it('follows a filtered link opened while the board is shown, and the plain board link', async () => {
    const variables: any[] = [];
    setFetcher((_url, init) => {
      const body = JSON.parse(String(init?.body));
      variables.push(body.variables);
      const data = body.query.includes('actors(')
        ? { actors: { edges: [] } }
        : { claims: { totalCount: 0, edges: [] } };
      return Promise.resolve(new Response(JSON.stringify({ data })));
    });
    history.replaceState(null, '', '#/');
    render(
      <SessionProvider feed={null}>
        <Board />
      </SessionProvider>,
    );
    await waitFor(() => expect(variables.length).toBeGreaterThan(0));
    const sent = () => variables.filter((v) => v?.filter).at(-1)?.filter;

    location.hash = '#/?status=REFUTED&q=talks';
    await waitFor(() => expect(sent()).toEqual({ status: ['REFUTED'], search: 'talks' }));
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('REFUTED');
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('talks');

    location.hash = '#/';
    await waitFor(() => expect(sent()).toEqual({}));
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('');
  });
});
