import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  ConflictError,
  decodeCursor,
  encodeCursor,
  keyOf,
  NotFoundError,
  Page,
  pageSize,
  parseGlobalId,
  toPage,
} from '@claimtrace/core';
import { CreatePersonInput, HANDLE_PATTERN, PersonObject } from '../dtos/person.object';
import { PeopleRepository } from '../repositories/people.repository';

/** the longest `people(search)` taken: a name or handle, not a document */
const MAX_SEARCH = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The members of the team: created by admins, named by tokens, mentions and assignments. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks every field here, so the CLI (which calls this directly) keeps the API's rules. */
  async create(input: CreatePersonInput): Promise<PersonObject> {
    const name = personName(input.name);
    const handle = input.handle == null ? null : normaliseHandle(input.handle);
    const email = personEmail(input.email);
    const row = await this.people.insert({ name, handle, email });
    if (!row) {
      throw new ConflictError(`The handle "@${handle}" belongs to someone else; pick another.`, {
        argument: 'handle',
      });
    }
    return PersonObject.from(row);
  }

  async get(id: string, argument = 'id'): Promise<PersonObject> {
    const [row] = await this.people.findByIds([keyOf(id, 'Person', argument)]);
    if (!row) throw new NotFoundError('Person', id);
    return PersonObject.from(row);
  }

  /** A person by global id, database id or handle (`@` optional): what the CLI's `--person` takes. */
  async find(ref: string): Promise<PersonObject> {
    const given = ref.trim();
    const decoded = parseGlobalId(given);
    const key = decoded?.type === 'Person' ? decoded.key : UUID.test(given) ? given : null;
    const [row] = key
      ? await this.people.findByIds([key])
      : await this.people.findByHandles([given.replace(/^@/, '').toLowerCase()]);
    if (!row) throw new NotFoundError('Person', given);
    return PersonObject.from(row);
  }

  /** The people with these handles (lower case), in no particular order. */
  async byHandles(handles: readonly string[]): Promise<PersonObject[]> {
    if (handles.length === 0) return [];
    return (await this.people.findByHandles(handles)).map(PersonObject.from);
  }

  async page(args: {
    first?: number | null;
    after?: string | null;
    search?: string | null;
  }): Promise<Page<PersonObject>> {
    const limit = pageSize(args.first, this.config.MAX_PAGE_SIZE);
    if (args.search && args.search.length > MAX_SEARCH) {
      throw new BadInputError(
        `search is ${args.search.length} characters long; give at most ${MAX_SEARCH} (part of a name or handle).`,
        { argument: 'search' },
      );
    }
    const after = args.after
      ? (decodeCursor(args.after, ['string', 'uuid']) as [string, string])
      : null;
    const { rows, totalCount } = await this.people.page(limit, after, args.search?.trim() || null);
    return toPage(
      rows,
      limit,
      args.after,
      totalCount,
      (row) => encodeCursor([row.name, row.id]),
      PersonObject.from,
    );
  }
}

/** A handle as stored: without a leading @, lower case; refused unless it matches HANDLE_PATTERN. */
export function normaliseHandle(given: string): string {
  const handle = given.trim().replace(/^@/, '').toLowerCase();
  if (!HANDLE_PATTERN.test(handle)) {
    throw new BadInputError(
      `The handle "${given.slice(0, 50)}" is not usable in a mention: 1 to 40 letters, digits, _ or -, starting with a letter or digit.`,
      { argument: 'handle' },
    );
  }
  return handle;
}

const CONTROL = /\p{Cc}/u;
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;

/** A name as shown on every change: trimmed, 1 to 100 characters, visible, on one line. */
export function personName(given: string): string {
  const name = given.trim();
  if (!name.replace(INVISIBLE, '')) {
    throw new BadInputError('name must contain at least one visible character.', {
      argument: 'name',
    });
  }
  if (name.length > 100) {
    throw new BadInputError('name must be 1 to 100 characters long.', { argument: 'name' });
  }
  if (CONTROL.test(name)) {
    throw new BadInputError(
      'name must not contain control characters (line breaks, tabs, terminal escapes).',
      { argument: 'name' },
    );
  }
  return name;
}

/** An e-mail address, trimmed (blank: none); at most 254 characters of the form name@host. */
export function personEmail(given: string | null | undefined): string | null {
  const email = given?.trim() || null;
  if (email === null) return null;
  if (email.length > 254) {
    throw new BadInputError('email must be at most 254 characters long.', { argument: 'email' });
  }
  if (CONTROL.test(email) || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new BadInputError('email must look like name@example.org.', { argument: 'email' });
  }
  return email;
}
