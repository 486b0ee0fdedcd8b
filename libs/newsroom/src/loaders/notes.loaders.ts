import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { encodeCursor, LoaderKey, Page, toPage } from '@claimtrace/core';
import { NoteObject } from '../dtos/note.dto';
import { NoteOwner, NotesRepository } from '../repositories/notes.repository';

type PageLoader = DataLoader<string, Page<NoteObject>>;

/**
 * Per-request batching of `notes(first, after)` pages: one statement for every owner asking the
 * same page (the claims of a list, say), whatever their number.
 */
@Injectable()
export class NotesLoaders {
  readonly key: LoaderKey<Map<string, PageLoader>>;

  constructor(private readonly repository: NotesRepository) {
    this.key = new LoaderKey('notes', () => new Map());
  }

  page(
    loaders: Map<string, PageLoader>,
    owner: NoteOwner,
    key: string,
    limit: number,
    after: [string, string] | null,
    afterCursor: string | null | undefined,
  ): Promise<Page<NoteObject>> {
    const id = `${owner}|${limit}|${afterCursor ?? ''}`;
    let loader = loaders.get(id);
    if (!loader) {
      loader = new DataLoader(async (keys: readonly string[]) => {
        const rows = await this.repository.pages(owner, keys, limit, after);
        const past = keys.filter((k) => after && !rows.some((row) => row.owner === k));
        const totals = past.length ? await this.repository.totals(owner, past) : new Map();
        return keys.map((k) => {
          const mine = rows.filter((row) => row.owner === k);
          return toPage(
            mine,
            limit,
            afterCursor,
            mine[0]?.totalCount ?? totals.get(k) ?? 0,
            (row) => encodeCursor([row.createdAt.toISOString(), row.id]),
            NoteObject.from,
          );
        });
      });
      loaders.set(id, loader);
    }
    return loader.load(key);
  }
}
