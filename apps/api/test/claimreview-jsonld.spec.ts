import { ReviewedClaimRecord, toClaimReview } from '@claimtrace/export';
import { checkClaimReview } from './support/claimreview-check';

// The ClaimReview writer's output, expanded by a JSON-LD processor against a local copy of
// schema.org's context and held to Google's required and recommended fact-check properties.

const RECORD: ReviewedClaimRecord = {
  claimId: 'k',
  claimText: 'Argentina will take US deportees',
  claimFirstSeenAt: '2026-01-01T00:00:00.000Z',
  claimLanguage: 'es',
  reviewId: 'r',
  rating: 'False',
  ratingValue: 1,
  worstRating: 1,
  bestRating: 5,
  summary: 'The ministry denied any talks.',
  url: 'https://chequeado.example/deportados',
  publishedAt: '2026-01-02T00:00:00.000Z',
  inLanguage: 'es',
  reviewer: { name: 'A checker', kind: 'PERSON', wikidataId: null },
  claimAuthor: { name: 'Javier Milei', kind: 'PERSON', wikidataId: 'Q18411465' },
  appearances: [
    {
      url: 'https://perfil.example/nota',
      title: 'Talks',
      publishedAt: '2026-01-01T08:00:00.000Z',
      publisher: { name: 'Perfil', kind: 'MEDIA_OUTLET', wikidataId: null },
    },
    { url: 'https://nyt.example/talks', title: 'Deportees', publishedAt: null, publisher: null },
  ],
};
const CONTEXT = {
  claimUrl: 'https://claims.example.org/claims/k',
  organization: { name: 'Chequeado', url: 'https://chequeado.example' },
};

describe('ClaimReview JSON-LD', () => {
  it('has every property Google requires and recommends, as schema.org terms', async () => {
    const review = toClaimReview(RECORD, CONTEXT);
    expect(await checkClaimReview(review)).toEqual({ errors: [], warnings: [], reviews: 1 });
    expect(review).toMatchObject({
      '@id': 'https://claims.example.org/claims/k#review-r',
      url: RECORD.url,
      datePublished: RECORD.publishedAt,
      inLanguage: 'es',
      author: { '@type': 'Organization', name: 'Chequeado', url: 'https://chequeado.example' },
      reviewRating: { alternateName: 'False', name: 'False', ratingValue: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Javier Milei' },
        inLanguage: 'es',
        firstAppearance: { url: 'https://perfil.example/nota' },
      },
    });
  });

  it('names the reviewer as author when no organisation is configured', async () => {
    const review = toClaimReview(RECORD, { ...CONTEXT, organization: null });
    expect(review.author).toEqual({ '@type': 'Person', name: 'A checker' });
    expect((await checkClaimReview(review)).errors).toEqual([]);
  });

  it('gives no claim author for an anonymous source or an account, and stays valid', async () => {
    for (const kind of ['ANONYMOUS_SOURCE', 'SOCIAL_MEDIA_ACCOUNT']) {
      const review = toClaimReview(
        { ...RECORD, claimAuthor: { name: 'Sources familiar', kind, wikidataId: null } },
        CONTEXT,
      );
      expect(review.itemReviewed).not.toHaveProperty('author');
      expect((await checkClaimReview(review)).errors).toEqual([]);
    }
    const body = toClaimReview(
      {
        ...RECORD,
        claimAuthor: { name: 'Cancillería', kind: 'GOVERNMENT_BODY', wikidataId: null },
      },
      CONTEXT,
    );
    expect(body.itemReviewed).toMatchObject({ author: { '@type': 'Organization' } });
  });

  it('puts no address of this machine in: no @id while PUBLIC_BASE_URL is local', async () => {
    const review = toClaimReview(RECORD, { ...CONTEXT, claimUrl: null });
    expect(review).not.toHaveProperty('@id');
    expect((await checkClaimReview(review)).errors).toEqual([]);
  });

  it('and the checker catches what a consumer would trip on', async () => {
    const review = toClaimReview(RECORD, CONTEXT);
    const broken = (change: (doc: any) => void) => {
      const doc = structuredClone(review) as any;
      change(doc);
      return checkClaimReview(doc);
    };
    const errors = async (change: (doc: any) => void) => (await broken(change)).errors;
    expect(
      await errors((doc) => {
        doc.claimReviwed = doc.claimReviewed;
      }),
    ).toEqual([expect.stringMatching(/^JSON-LD: Dropping property .*"property":"claimReviwed"/)]);
    expect(await errors((doc) => delete doc.url)).toEqual(['url (an http(s) address) is required']);
    expect(await errors((doc) => (doc.url = 'http://localhost:3000/claims/k'))).toEqual([
      'http://localhost:3000/claims/k is an address on this machine or a private network',
    ]);
    expect(await errors((doc) => delete doc.reviewRating.alternateName)).toEqual([
      'reviewRating.alternateName (the verdict) is required',
    ]);
    expect(await errors((doc) => (doc.reviewRating.ratingValue = 7))).toEqual([
      'ratingValue 7 is off the scale 1–5',
    ]);
    expect(
      await errors((doc) => doc.itemReviewed.appearance.push(doc.itemReviewed.appearance[0])),
    ).toEqual(['itemReviewed.appearance lists https://perfil.example/nota twice']);
    expect(await errors((doc) => (doc.datePublished = null))).toEqual([]);
    expect((await broken((doc) => (doc.datePublished = null))).warnings).toEqual([
      'datePublished (a date) is recommended',
    ]);
  });
});
