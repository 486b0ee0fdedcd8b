export * from './newsroom.module';
export * from './dtos/note.dto';
export * from './dtos/work-queue.dto';
export * from './mentions/mentions';
export * from './services/notes.service';
export * from './services/work-queue.service';
