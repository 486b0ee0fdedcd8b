import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setFetcher } from '../api/client';
import { href, parseRoute } from '../lib/router';
import { Search } from './Search';

const ARTICLE = { id: 'a1', title: 'Talks with the US', url: 'https://news.example/talks' };
const HITS = [
  {
    score: 0.9,
    snippet: 'Argentina holds talks on deportees',
    highlights: [{ start: 16, end: 21 }],
    claim: { id: 'c1', text: 'Argentina holds talks on deportees', status: 'CONTESTED' },
    passage: null,
    article: null,
    actor: null,
  },
  {
    score: 0.8,
    snippet: '“advanced talks”, sources said',
    highlights: [{ start: 10, end: 15 }],
    claim: null,
    passage: {
      id: 'p1',
      exact: 'advanced talks',
      prefix: 'in ',
      suffix: ' with',
      article: ARTICLE,
    },
    article: null,
    actor: null,
  },
  {
    score: 0.7,
    snippet: 'Talks with the US',
    highlights: [{ start: 0, end: 5 }],
    claim: null,
    passage: null,
    article: { ...ARTICLE, publishedAt: null, publisher: { name: 'Perfil' } },
    actor: null,
  },
  {
    score: 0.6,
    snippet: 'Talks Spokesperson',
    highlights: [{ start: 0, end: 5 }],
    claim: null,
    passage: null,
    article: null,
    actor: { id: 'x1', name: 'Talks Spokesperson', kind: 'PERSON' },
  },
];

function answering() {
  const sent: any[] = [];
  setFetcher((_url, init) => {
    sent.push(JSON.parse(String(init?.body)).variables);
    return Promise.resolve(
      new Response(JSON.stringify({ data: { search: HITS } }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  return sent;
}

afterEach(() => {
  location.hash = '';
});

describe('the search page', () => {
  it('shows every kind of hit with its highlighted words, each linking where it is worked on', async () => {
    const sent = answering();
    render(<Search query="talks" types={[]} />);
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(4));
    expect(sent).toEqual([{ query: 'talks', types: null, first: 50 }]);
    expect(screen.getByText('4 results')).toBeTruthy();
    const marks = Array.from(document.querySelectorAll('.search-hits mark')).map(
      (m) => m.textContent,
    );
    expect(marks).toEqual(['talks', 'talks', 'Talks', 'Talks']);
    const links = Array.from(document.querySelectorAll('.search-hits a')).map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual([
      href.claim('c1'),
      'https://news.example/talks#:~:text=in-,advanced%20talks,-with',
      'https://news.example/talks',
      href.graph({ actorId: 'x1' }),
    ]);
  });

  it('keeps the words and the kinds in the address, so a search can be shared', async () => {
    answering();
    render(<Search query="" types={[]} />);
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: 'deportees ' } });
    await waitFor(() => expect(location.hash).toBe(href.search('deportees')));
    // unticking one kind of "all" keeps the other three
    fireEvent.click(document.querySelector('input[data-type="PASSAGE"]')!);
    expect(parseRoute(location.hash)).toEqual({
      view: 'search',
      query: 'deportees',
      types: ['CLAIM', 'ARTICLE', 'ACTOR'],
    });
    expect(parseRoute('#/search?q=x&types=ACTOR,bogus')).toEqual({
      view: 'search',
      query: 'x',
      types: ['ACTOR'],
    });
  });

  it('shows an article known by a urn: as text, with no link that opens nothing', async () => {
    const book = { id: 'a2', title: 'The talks, in print', url: 'urn:isbn:9780306406157' };
    setFetcher(() =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            data: {
              search: [
                { ...HITS[1], passage: { ...HITS[1].passage, article: book } },
                { ...HITS[2], article: { ...book, publishedAt: null, publisher: null } },
              ],
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
      ),
    );
    render(<Search query="talks" types={[]} />);
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2));
    expect(document.querySelectorAll('.search-hits a')).toHaveLength(0);
    expect(screen.getByText('The talks, in print')).toBeTruthy();
    expect(screen.getAllByText('urn:isbn:9780306406157')).toHaveLength(2);
  });
});
