import { BadInputError, ConflictError } from '@claimtrace/core';

export class RelayOnOtherClaim extends BadInputError {
  constructor() {
    super(
      'reportedViaId must be an attribution of the same claim: a relay hop carries the same claim.',
      { argument: 'reportedViaId' },
    );
  }
}

export class RelayInOtherArticle extends BadInputError {
  constructor() {
    super(
      'reportedViaId must be an attribution whose passage is in the same article: a relay chain is read in one text.',
      { argument: 'reportedViaId' },
    );
  }
}

export class RelayRemoved extends BadInputError {
  constructor() {
    super('reportedViaId points at a removed attribution; relay through a current one.', {
      argument: 'reportedViaId',
    });
  }
}

export class AttributionAlreadyRemoved extends BadInputError {
  constructor() {
    super('This attribution was removed already.', { argument: 'attributionId' });
  }
}

export class AttributionStillRelayed extends BadInputError {
  constructor(count: number) {
    super(
      `${count} current attribution(s) are reported via this one; remove those first, or the relay chains would break.`,
      { argument: 'attributionId', relays: count },
    );
  }
}

export class DuplicateAttribution extends ConflictError {
  constructor(existingId: string) {
    super(
      `This actor already has this stance on this claim with this passage: attribution "${existingId}". Edit or remove that one instead of recording it twice.`,
      { existingAttributionId: existingId },
    );
  }
}
