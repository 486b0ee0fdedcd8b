// Makes an answer comparable across runs: replaces only what a fresh database legitimately makes
// different each time. Generated UUIDs become <uuid:N> by first appearance in the answer; times
// inside the run's own window (creation and change times) become <run-time>; base64url global ids
// and cursors are decoded first, so the records and times inside them are normalised too. Times
// outside the window (publication dates in the demo data) are data and stay.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})/g;
const BASE64URL = /[A-Za-z0-9_-]{12,}={0,2}/g;
/** what this API base64url-encodes: `Type:uuid` global ids, JSON cursors, `ev1:txId:id` cursors */
const ENCODED = /^(?:[A-Z][A-Za-z]+:[0-9a-f-]{36}|\[.*\]|\{.*\}|ev1:\d+:\d+)$/s;
const EVENT_CURSOR = /^ev1:(\d+):/;

/** The decoded text when `token` is base64url of a global id or a cursor, else null. */
function decodeToken(token) {
  const bare = token.replace(/=+$/, '');
  const decoded = Buffer.from(bare, 'base64url').toString('utf8');
  if (Buffer.from(decoded, 'utf8').toString('base64url') !== bare) return null;
  return ENCODED.test(decoded) ? decoded : null;
}

/** `<prefix:N>`, N counting distinct values in the order they first appear. */
function numberedByFirstAppearance(prefix) {
  const seen = new Map();
  return (value) => {
    if (!seen.has(value)) seen.set(value, `<${prefix}:${seen.size + 1}>`);
    return seen.get(value);
  };
}

/**
 * A normaliser for one answer. `window` is [first, last] epoch milliseconds of the run: a time in
 * it was made by the run. `base` is the API's address.
 */
function createNormaliser(window, base) {
  const uuid = numberedByFirstAppearance('uuid');
  const transaction = numberedByFirstAppearance('tx');
  const inWindow = (text) => {
    const ms = Date.parse(text);
    return Number.isFinite(ms) && ms >= window[0] && ms <= window[1];
  };
  const plain = (text) =>
    text
      .replace(UUID, uuid)
      .replace(EVENT_CURSOR, (_, txId) => `ev1:${transaction(txId)}:`)
      .replace(ISO_TIME, (time) => (inWindow(time) ? '<run-time>' : time));
  return (text) =>
    plain(
      text.replaceAll(base, 'http://<api>').replace(BASE64URL, (token) => {
        const decoded = decodeToken(token);
        return decoded === null ? token : `<b64:${plain(decoded)}>`;
      }),
    );
}

module.exports = { createNormaliser };
