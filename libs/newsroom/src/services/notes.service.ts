import { Inject, Injectable } from '@nestjs/common';
import { ForbiddenError, PeopleService, UnauthenticatedError } from '@claimtrace/auth';
import { AttributionsService } from '@claimtrace/attributions';
import { ClaimsService, Doer, visible } from '@claimtrace/claims';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  ConflictError,
  decodeCursor,
  keyOf,
  NotFoundError,
  pageSize,
  PrincipalRole,
  toGlobalId,
} from '@claimtrace/core';
import { ClaimEventKind, Database, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import {
  AddNoteInput,
  NoteObject,
  NoteRecord,
  RemoveNoteInput,
  UpdateNoteInput,
} from '../dtos/note.dto';
import { mentionedHandles } from '../mentions/mentions';
import { NotesRepository } from '../repositories/notes.repository';

/** Notes on claims and attributions: written, edited by their author, removed with a reason. */
@Injectable()
export class NotesService {
  constructor(
    private readonly db: Database,
    private readonly notes: NotesRepository,
    private readonly claims: ClaimsService,
    private readonly attributions: AttributionsService,
    private readonly people: PeopleService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async add(input: AddNoteInput, who: Doer): Promise<NoteObject> {
    const authorId = author(who);
    const claimKey = keyOf(input.claimId, 'Claim', 'claimId');
    const body = visible(input.body, 'body');
    const mentions = await this.mentions(body);
    return this.db.transaction(async (tx) => {
      await this.claims.lockCurrent(tx, claimKey, input.claimId);
      let attributionKey: string | null = null;
      if (input.attributionId) {
        const owner = await this.attributions.claimOfCurrent(
          tx,
          input.attributionId,
          'attributionId',
        );
        if (owner !== claimKey) {
          throw new BadInputError(
            'The attribution belongs to another claim: pass that claim’s id.',
            {
              argument: 'attributionId',
            },
          );
        }
        attributionKey = keyOf(input.attributionId, 'Attribution', 'attributionId');
      }
      const row = await this.notes.insert(tx, {
        claimId: claimKey,
        attributionId: attributionKey,
        authorId,
        body,
        mentionIds: mentions,
      });
      await this.record(tx, ClaimEventKind.NOTE_ADDED, row, who, {
        attributionId: input.attributionId ?? null,
        body,
      });
      return NoteObject.from(row);
    });
  }

  /** Only its author edits a note; the event keeps the text before and after (its history). */
  async update(input: UpdateNoteInput, who: Doer): Promise<NoteObject> {
    const authorId = author(who);
    const body = visible(input.body, 'body');
    const mentions = await this.mentions(body);
    return this.db.transaction(async (tx) => {
      const current = await this.lockCurrent(tx, input.noteId);
      if (current.authorId !== authorId) {
        throw new ForbiddenError('Only the author of a note may edit it; add a note of your own.');
      }
      const row = await this.notes.update(tx, current.id, body, mentions);
      await this.record(tx, ClaimEventKind.NOTE_UPDATED, row, who, {
        version: row.version,
        before: current.body,
        after: body,
      });
      return NoteObject.from(row);
    });
  }

  /** Its author or an ADMIN removes a note, with a reason; the note stays, out of the lists. */
  async remove(input: RemoveNoteInput, who: Doer, role: PrincipalRole | null): Promise<NoteObject> {
    const personId = author(who);
    const reason = input.reason.trim();
    if (!reason)
      throw new BadInputError('reason must say why the note goes.', { argument: 'reason' });
    return this.db.transaction(async (tx) => {
      const current = await this.lockCurrent(tx, input.noteId);
      if (current.authorId !== personId && role !== 'ADMIN') {
        throw new ForbiddenError('Only the author of a note or an ADMIN may remove it.');
      }
      const row = await this.notes.remove(tx, current.id, personId, reason);
      await this.record(tx, ClaimEventKind.NOTE_REMOVED, row, who, { reason });
      return NoteObject.from(row);
    });
  }

  /** Checks a page request of a `notes(first, after)` field; answers the size and position. */
  pageRequest(args: { first?: number | null; after?: string | null }) {
    const limit = pageSize(args.first, this.config.MAX_PAGE_SIZE);
    const after = args.after
      ? (decodeCursor(args.after, ['time', 'uuid']) as [string, string])
      : null;
    return { limit, after };
  }

  /** The people a body mentions that exist (database keys); unknown handles stay plain text. */
  private async mentions(body: string): Promise<string[]> {
    return (await this.people.byHandles(mentionedHandles(body))).map((person) => person.key);
  }

  private async lockCurrent(tx: Tx, id: string): Promise<NoteRecord> {
    const row = await this.notes.lock(tx, keyOf(id, 'Note', 'noteId'));
    if (!row) throw new NotFoundError('Note', id);
    if (row.removedAt) {
      throw new ConflictError(`The note was removed at ${row.removedAt.toISOString()}.`, {
        removedAt: row.removedAt.toISOString(),
      });
    }
    return row;
  }

  private async record(
    tx: Tx,
    kind: ClaimEventKind,
    note: NoteRecord,
    who: Doer,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.events.append(tx, {
      kind,
      claimId: note.claimId,
      by: who.by,
      personId: who.personId,
      payload: {
        claimId: toGlobalId('Claim', note.claimId),
        noteId: toGlobalId('Note', note.id),
        mentions: (note.mentionIds ?? []).map((key) => toGlobalId('Person', key)),
        ...details,
      },
    });
  }
}

function author(who: Doer): string {
  if (!who.personId) throw new UnauthenticatedError('Notes need the token of a person.');
  return who.personId;
}
