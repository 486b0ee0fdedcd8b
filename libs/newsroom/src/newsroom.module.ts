import { Module, OnModuleInit } from '@nestjs/common';
import { AttributionsModule } from '@claimtrace/attributions';
import { AuthModule } from '@claimtrace/auth';
import { ClaimsModule } from '@claimtrace/claims';
import { NodeRegistry } from '@claimtrace/core';
import { NoteObject } from './dtos/note.dto';
import { NotesLoaders } from './loaders/notes.loaders';
import { NotesRepository } from './repositories/notes.repository';
import {
  AttributionNotesResolver,
  ClaimNotesResolver,
  NotesResolver,
} from './resolvers/notes.resolver';
import { WorkQueueResolver } from './resolvers/work-queue.resolver';
import { NotesService } from './services/notes.service';
import { WorkQueueService } from './services/work-queue.service';

/** The newsroom around claims: notes with @mentions, and each person's work queue. */
@Module({
  imports: [AuthModule, ClaimsModule, AttributionsModule],
  providers: [
    NotesRepository,
    NotesService,
    NotesLoaders,
    NotesResolver,
    ClaimNotesResolver,
    AttributionNotesResolver,
    WorkQueueService,
    WorkQueueResolver,
  ],
  exports: [NotesService, WorkQueueService],
})
export class NewsroomModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly repository: NotesRepository,
  ) {}

  onModuleInit(): void {
    // notes are the newsroom's: anonymous readers find none, as on Claim.notes
    this.nodes.register('Note', async (key, ctx) => {
      if (!ctx.principal) return null;
      const [row] = await this.repository.findByIds([key]);
      return row ? NoteObject.from(row) : null;
    });
  }
}
