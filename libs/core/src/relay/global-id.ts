import { BadInputError } from '../errors/domain.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque, global id of a record: base64url of `Type:uuid`. `node(id)` resolves any of them. */
export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  type: string;
  key: string;
}

/** Decodes a global id, or answers null when it is not one this API issued. */
export function parseGlobalId(id: string): DecodedGlobalId | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const type = decoded.slice(0, colon);
  const key = decoded.slice(colon + 1);
  if (!/^[A-Z][A-Za-z]+$/.test(type) || !UUID.test(key)) return null;
  if (toGlobalId(type, key) !== id) return null;
  return { type, key };
}

/**
 * The database key behind a global id of the expected type. A malformed id, or an id of another
 * type, is a BAD_USER_INPUT error that names the argument.
 */
export function keyOf(id: string, type: string, argument = 'id'): string {
  const decoded = parseGlobalId(id);
  if (!decoded) {
    throw new BadInputError(
      `\`${argument}\` is not a valid id ("${truncate(id)}"); use the \`id\` of a ${type} returned by this API.`,
      { argument },
    );
  }
  if (decoded.type !== type) {
    throw new BadInputError(
      `\`${argument}\` must be the id of a ${type}, but "${truncate(id)}" is the id of a ${decoded.type}.`,
      { argument },
    );
  }
  return decoded.key;
}

function truncate(value: unknown): string {
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
