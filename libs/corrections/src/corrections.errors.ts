import { BadInputError, ConflictError } from '@claimtrace/core';
import { SourceChangeAction } from '@claimtrace/database';

export class SourceChangeAlreadyResolved extends ConflictError {
  constructor(id: string, resolution: SourceChangeAction | null) {
    super(
      resolution
        ? `Source change "${id}" was resolved already (${resolution}); reload the review queue.`
        : `Source change "${id}" needs no review: its passage moved unchanged or nearly so.`,
      { id, resolution },
    );
  }
}

export class SelectorNotForAction extends BadInputError {
  constructor(action: SourceChangeAction) {
    super(
      `${action} takes no quote or position: only REANCHOR picks new words. Leave them out, or use REANCHOR.`,
      { argument: 'action' },
    );
  }
}
