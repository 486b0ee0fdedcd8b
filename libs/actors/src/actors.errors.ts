import { BadInputError, ConflictError } from '@claimtrace/core';

export class BlankActorName extends BadInputError {
  constructor() {
    super('name must contain at least one visible character.', { argument: 'name' });
  }
}

export class AffiliationCycle extends BadInputError {
  constructor() {
    super('An actor cannot be affiliated with itself or with an actor affiliated with it.', {
      argument: 'affiliationId',
    });
  }
}

/** createActor found a current actor whose name or alias is so like the new name that it is likely the same. */
export class LikelyDuplicateActor extends ConflictError {
  constructor(duplicate: { id: string; name: string; score: number }) {
    const score = Math.round(duplicate.score * 100) / 100;
    super(
      `This actor is likely a duplicate of actor "${duplicate.id}" ("${duplicate.name}", similarity ${score}). Use that actor (add the name as an alias with updateActor), or send allowDuplicate: true to create it anyway.`,
      { duplicateOfId: duplicate.id, duplicateOfName: duplicate.name, score },
    );
  }
}
