import { publicPayload } from './public-payload';

describe('publicPayload', () => {
  it('drops the text of note events and keeps what says what happened', () => {
    const ids = { claimId: 'c', noteId: 'n', mentions: ['p'] };
    expect(publicPayload('NOTE_ADDED', { ...ids, attributionId: null, body: 'secret' })).toEqual({
      ...ids,
      attributionId: null,
    });
    expect(publicPayload('NOTE_UPDATED', { ...ids, version: 2, before: 'a', after: 'b' })).toEqual({
      ...ids,
      version: 2,
    });
    expect(publicPayload('NOTE_REMOVED', { ...ids, reason: 'why' })).toEqual(ids);
  });

  it('leaves every other event as it is', () => {
    const payload = { claimId: 'c', body: 'not a note', reason: 'kept', before: {}, after: {} };
    expect(publicPayload('CLAIM_UPDATED', payload)).toBe(payload);
    expect(publicPayload('ATTRIBUTION_REMOVED', payload)).toBe(payload);
  });
});
