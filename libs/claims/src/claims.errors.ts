import { BadInputError, ConflictError, DomainError, ErrorCode } from '@claimtrace/core';
import { ClaimStatus } from '@claimtrace/database';
import { ALLOWED_TRANSITIONS } from './status/transitions';

export class InvalidTransition extends BadInputError {
  constructor(from: ClaimStatus, to: ClaimStatus) {
    const allowed = ALLOWED_TRANSITIONS[from];
    super(
      from === to
        ? `The claim is already ${to}.`
        : `A claim cannot go from ${from} to ${to}. ${
            allowed.length
              ? `From ${from} it may go to ${allowed.join(', ')}.`
              : `${from} is final.`
          }`,
      { from, to, allowed },
    );
  }
}

export class StaleVersion extends ConflictError {
  constructor(expected: number, current: number) {
    super(
      `The claim changed since you read it: you sent expectedVersion ${expected}, it is now at version ${current}. Reload it and try again.`,
      { expectedVersion: expected, currentVersion: current },
    );
  }
}

export class BlankText extends BadInputError {
  constructor(argument: string) {
    super(`${argument} must contain at least one visible character.`, { argument });
  }
}

export class SelfLink extends BadInputError {
  constructor() {
    super('fromId and toId are the same claim; a claim cannot be linked to itself.', {
      argument: 'toId',
    });
  }
}

export class DuplicateLink extends ConflictError {
  constructor(relation: string) {
    super(`These claims are already linked with ${relation}.`, { relation });
  }
}

export class ClaimNotYetCreated extends DomainError {
  constructor(id: string, createdAt: Date, asOf: Date) {
    super(
      ErrorCode.NOT_FOUND,
      `Claim "${id}" did not exist yet at ${asOf.toISOString()}: it was created at ${createdAt.toISOString()}. Pass a later \`asOf\`.`,
      { id, createdAt: createdAt.toISOString(), asOf: asOf.toISOString() },
    );
  }
}

/** createClaim found a claim so like the new text that it is likely the same claim. */
export class LikelyDuplicateClaim extends ConflictError {
  constructor(duplicate: { id: string; text: string; score: number }) {
    const score = Math.round(duplicate.score * 100) / 100;
    super(
      `This claim is likely a duplicate of claim "${duplicate.id}" ("${duplicate.text.slice(0, 200)}", similarity ${score}). Attribute to that claim, or send allowDuplicate: true to create it anyway.`,
      { duplicateOfId: duplicate.id, duplicateOfText: duplicate.text, score },
    );
  }
}
