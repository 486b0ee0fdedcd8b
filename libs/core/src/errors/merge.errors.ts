import { BadInputError } from './domain.errors';

export class AlreadyMerged extends BadInputError {
  constructor(entity: string, id: string, into: string) {
    super(`The ${entity} "${id}" was already merged into "${into}"; use that one.`, {
      id,
      mergedInto: into,
    });
  }
}

export class SelfMerge extends BadInputError {
  constructor(entity: string) {
    super(`keepId and mergeId are the same ${entity}; a record cannot be merged into itself.`, {
      argument: 'mergeId',
    });
  }
}
