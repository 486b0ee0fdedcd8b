import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Download links: a browser cannot send `Authorization` with a plain link, so a token holder asks
 * for a link that carries a short-lived signed ticket instead, and the browser streams the export
 * to disk like any download.
 *
 * A ticket names its principal, its expiry and an HMAC over both and the exact target (path and
 * query, ticket removed), keyed with the principal's stored token hash: a ticket opens one export,
 * for a few minutes, and dies with its token (revoked, expired or deleted). Anyone who can read
 * `api_principals` could mint tickets — they can read the data itself anyway. A ticket works any
 * number of times until it expires, so request logs must not record it (see redactTicket).
 */
export const TICKET_PARAM = 'ticket';

/** How long a download link works; long enough to start a download, short enough to leak little. */
export const DOWNLOAD_LINK_SECONDS = 300;

export interface Ticket {
  principalId: string;
  /** Unix seconds. */
  expires: number;
  mac: string;
}

/**
 * The target a ticket is bound to: the path exactly as sent (no `..` or `\\` resolution, so what
 * is signed is what the router sees) and the query parameters sorted, without the ticket, so the
 * same request signs and verifies alike whatever order or encoding the client used for the query.
 */
export function canonicalTarget(url: string): { target: string; ticket: string | null } {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const params = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1));
  const ticket = params.get(TICKET_PARAM);
  params.delete(TICKET_PARAM);
  params.sort();
  const query = params.toString();
  return { target: query ? `${path}?${query}` : path, ticket };
}

function macOf(key: string, principalId: string, expires: number, target: string): string {
  return createHmac('sha256', key)
    .update(`${principalId}\n${expires}\n${target}`)
    .digest('base64url');
}

/** The link for `url` with a ticket of `principalId`, signed with `key`, expiring `expires`. */
export function signedLink(url: string, principalId: string, key: string, expires: number): string {
  const { target } = canonicalTarget(url);
  const ticket = `${principalId}.${expires}.${macOf(key, principalId, expires, target)}`;
  return `${target}${target.includes('?') ? '&' : '?'}${TICKET_PARAM}=${ticket}`;
}

/** The parts of a ticket, or null when it is not shaped like one. */
export function parseTicket(ticket: string): Ticket | null {
  const match =
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/i.exec(
      ticket,
    );
  return match ? { principalId: match[1], expires: Number(match[2]), mac: match[3] } : null;
}

/** Whether the ticket's signature is that of `key` for this target (constant-time compare). */
export function ticketMatches(ticket: Ticket, key: string, target: string): boolean {
  const expected = Buffer.from(macOf(key, ticket.principalId, ticket.expires, target));
  const actual = Buffer.from(ticket.mac);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A URL with its ticket's value replaced, for logs: a logged ticket would open the export. */
export function redactTicket(url: string): string {
  return url.replace(/([?&]ticket=)[^&#]*/g, '$1[redacted]');
}
