import { BadInputError } from '@claimtrace/core';

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
