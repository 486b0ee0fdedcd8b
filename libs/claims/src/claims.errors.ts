import { ForbiddenError } from '@claimtrace/auth';
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

export class ReviewRetracted extends ConflictError {
  constructor(id: string, retractedAt: Date, reason: string | null) {
    super(
      `The review "${id}" was retracted at ${retractedAt.toISOString()} (${reason ?? 'no reason given'}); a retracted review stays as it was in history. Add a new review instead.`,
      { id, retractedAt: retractedAt.toISOString() },
    );
  }
}

export class ChecklistIncomplete extends BadInputError {
  constructor(to: ClaimStatus, missing: { key: string; label: string }[]) {
    super(`A claim goes to ${to} only once its checklist has ${undone(missing)}`, {
      to,
      missing: missing.map((item) => item.key),
    });
  }
}

/** A published review is a verdict: it needs the items CONFIRMED or REFUTED need (VERDICTS). */
export class ReviewNeedsChecklist extends BadInputError {
  constructor(missing: { key: string; label: string }[]) {
    super(
      `A review is published (url and publishedAt) only once the claim's checklist has ${undone(
        missing,
      )} A draft without url or publishedAt may be saved before.`,
      { argument: 'publishedAt', missing: missing.map((item) => item.key) },
    );
  }
}

/** The items not done yet, and how to do them. */
function undone(missing: { key: string; label: string }[]): string {
  return `${missing
    .map((item) => `"${item.label}" (${item.key})`)
    .join(', ')} done by someone other than its assignee: tick ${
    missing.length > 1 ? 'them' : 'it'
  } with setChecklistItem first.`;
}

export class UnknownChecklistItem extends BadInputError {
  constructor(key: string, known: string[]) {
    super(`The checklist has no item "${key.slice(0, 40)}"; its items are ${known.join(', ')}.`, {
      argument: 'key',
      known,
    });
  }
}

/** An item a verdict needs (the second review) ticked by the claim's own assignee. */
export class OwnReview extends ForbiddenError {
  constructor(label: string) {
    super(`"${label}" is a second pair of eyes: someone other than the claim's assignee ticks it.`);
  }
}

/** Unticking an item a verdict needs while the claim has a published review (also a verdict). */
export class PublishedReviewHoldsItem extends ConflictError {
  constructor(item: { key: string; label: string }) {
    super(
      `The claim has a published review, which needs "${item.label}" (${item.key}) done, so it stays ticked: retract the review (retractReview) first to withdraw it.`,
      { key: item.key },
    );
  }
}

/** Unticking an item the claim's current status required: the verdict would lose its review. */
export class RequiredItemHeld extends ConflictError {
  constructor(status: ClaimStatus, item: { key: string; label: string; requiredFor: string[] }) {
    const reopen = ALLOWED_TRANSITIONS[status].filter((to) => !item.requiredFor.includes(to));
    super(
      `The claim is ${status}, which needs "${item.label}" (${item.key}) done, so it stays ticked${
        reopen.length ? `: move the claim to ${reopen.join(' or ')} first to withdraw it` : ''
      }.`,
      { status, key: item.key },
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
