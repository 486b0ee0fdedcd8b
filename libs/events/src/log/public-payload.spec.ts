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

  it("keeps a draft review's details out, and a published review's in", () => {
    const ids = { claimId: 'c', reviewId: 'r' };
    const draft = { ...ids, published: false, rating: 'False', url: null, publishedAt: null };
    expect(publicPayload('REVIEW_ADDED', draft)).toEqual({ ...ids, published: false });
    const edit = { ...ids, published: false, before: { summary: 'a' }, after: { summary: 'b' } };
    expect(publicPayload('REVIEW_UPDATED', edit)).toEqual({ ...ids, published: false });
    expect(publicPayload('REVIEW_RETRACTED', { ...ids, reason: 'why' })).toEqual(ids);
    const out = {
      ...ids,
      published: true,
      rating: 'False',
      url: 'https://x.example',
      publishedAt: 'd',
    };
    expect(publicPayload('REVIEW_ADDED', out)).toBe(out);
    const reworded = { ...ids, published: true, before: { summary: 'a' }, after: { summary: 'b' } };
    expect(publicPayload('REVIEW_UPDATED', reworded)).toBe(reworded);
  });

  it('keeps what a draft said out of the update that published it', () => {
    const ids = { claimId: 'c', reviewId: 'r', published: true };
    const after = { url: 'https://x.example', rating: 'False' };
    for (const before of [
      { url: null, rating: 'Misleading' },
      { publishedAt: null, summary: 'Embargoed' },
    ]) {
      expect(publicPayload('REVIEW_UPDATED', { ...ids, before, after })).toEqual({ ...ids, after });
    }
  });

  it('leaves every other event as it is', () => {
    const payload = { claimId: 'c', body: 'not a note', reason: 'kept', before: {}, after: {} };
    expect(publicPayload('CLAIM_UPDATED', payload)).toBe(payload);
    expect(publicPayload('ATTRIBUTION_REMOVED', payload)).toBe(payload);
  });
});
