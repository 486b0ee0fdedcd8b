import {
  canonicalTarget,
  parseTicket,
  redactTicket,
  signedLink,
  ticketMatches,
} from './download-link';

const ID = '0b6f4a52-9c1e-4d8b-a7a5-3f1f2d1c9e10';
const KEY = 'a'.repeat(64);

/** The ticket of a signed link, parsed. */
function ticketOf(link: string) {
  const { ticket } = canonicalTarget(link);
  const parsed = parseTicket(ticket ?? '');
  if (!parsed) throw new Error(`no ticket in ${link}`);
  return parsed;
}

describe('download links', () => {
  it('carry a ticket bound to the principal, the expiry and the exact export', () => {
    const link = signedLink('/exports/graph?format=csv&table=nodes', ID, KEY, 1_900_000_000);

    expect(link).toMatch(
      /^\/exports\/graph\?format=csv&table=nodes&ticket=0b6f4a52-[^.]+\.1900000000\.[\w-]{43}$/,
    );
    const ticket = ticketOf(link);
    expect(ticket).toMatchObject({ principalId: ID, expires: 1_900_000_000 });
    expect(ticketMatches(ticket, KEY, canonicalTarget(link).target)).toBe(true);
  });

  it('verify whatever order or encoding the query comes back in', () => {
    const link = signedLink('/exports/graph?table=edges&format=csv', ID, KEY, 1_900_000_000);
    const ticket = ticketOf(link);
    const reordered = `/exports/graph?ticket=x&format=%63sv&table=edges`;

    expect(ticketMatches(ticket, KEY, canonicalTarget(reordered).target)).toBe(true);
  });

  it('open nothing else: another export, another key, another expiry', () => {
    const link = signedLink('/exports/graph?format=json', ID, KEY, 1_900_000_000);
    const ticket = ticketOf(link);

    expect(ticketMatches(ticket, KEY, '/exports/graph?format=graphml')).toBe(false);
    expect(ticketMatches(ticket, 'b'.repeat(64), '/exports/graph?format=json')).toBe(false);
    expect(
      ticketMatches({ ...ticket, expires: 1_999_999_999 }, KEY, '/exports/graph?format=json'),
    ).toBe(false);
  });

  it('refuse a ticket that is not shaped like one', () => {
    expect(parseTicket('')).toBeNull();
    expect(parseTicket(`${ID}.12.short`)).toBeNull();
    expect(parseTicket(`${'-'.repeat(36)}.12.${'a'.repeat(43)}`)).toBeNull();
    expect(parseTicket(`${ID}.soon.${'a'.repeat(43)}`)).toBeNull();
  });

  it('sign a path without a query too', () => {
    const link = signedLink('/exports/claimreviews.jsonl', ID, KEY, 1_900_000_000);

    expect(link.startsWith('/exports/claimreviews.jsonl?ticket=')).toBe(true);
    expect(canonicalTarget(link).target).toBe('/exports/claimreviews.jsonl');
  });

  it('bind the path as sent: no dot or backslash resolution between signing and routing', () => {
    expect(canonicalTarget('/claims/a/../b/claimreview.jsonld').target).toBe(
      '/claims/a/../b/claimreview.jsonld',
    );
    expect(canonicalTarget('/claims/\\..\\x/claimreview.jsonld?b=2&a=1').target).toBe(
      '/claims/\\..\\x/claimreview.jsonld?a=1&b=2',
    );
  });

  it('are kept out of logs', () => {
    expect(redactTicket('/exports/graph?format=json&ticket=abc.123.def&tag=x')).toBe(
      '/exports/graph?format=json&ticket=[redacted]&tag=x',
    );
    expect(redactTicket('/exports/claimreviews.jsonl?ticket=abc')).toBe(
      '/exports/claimreviews.jsonl?ticket=[redacted]',
    );
    expect(redactTicket('/graphql')).toBe('/graphql');
  });
});
