import { readFileSync } from 'node:fs';
import { WORKED_EXAMPLE_FILE } from '@claimtrace/demo';
import { startTestApp, TestApp } from './test-app';

const PERFIL = readFileSync(WORKED_EXAMPLE_FILE, 'utf8');

const INGEST = `mutation ($i: IngestArticleInput!) {
  ingestArticle(input: $i) {
    article {
      id
      suggestedAttributions {
        index reportedViaIndex sourceText cue content stance
        sourceStart sourceEnd cueStart cueEnd contentStart contentEnd
        actor { name }
      }
    }
  }
}`;

describe('suggested attributions', () => {
  let t: TestApp;
  let suggestions: any[];

  beforeAll(async () => {
    t = await startTestApp();
    for (const [name, kind, aliases] of [
      ['Javier Milei', 'PERSON', ['Milei']],
      ['The New York Times', 'MEDIA_OUTLET', ['the Times', 'New York Times']],
      ['The White House', 'GOVERNMENT_BODY', ['White House']],
    ] as const) {
      await t.ok(`mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`, {
        i: { name, kind, aliases },
      });
    }
    const data = await t.ok(INGEST, {
      i: { url: 'urn:test:perfil', title: 'Perfil', text: PERFIL, language: 'en' },
    });
    suggestions = data.ingestArticle.article.suggestedAttributions;
  });
  afterAll(() => t.close());

  const codePoints = Array.from(PERFIL);
  const slice = (start: number, end: number) => codePoints.slice(start, end).join('');

  it('answers spans in code points that match the article text', () => {
    expect(suggestions.length).toBeGreaterThan(4);
    for (const s of suggestions) {
      expect(slice(s.cueStart, s.cueEnd)).toBe(s.cue);
      expect(slice(s.contentStart, s.contentEnd)).toBe(s.content);
      if (s.sourceStart !== null) expect(slice(s.sourceStart, s.sourceEnd)).toBe(s.sourceText);
    }
  });

  it("finds Milei's denial and matches the existing actor", () => {
    const denial = suggestions.find((s) => s.stance === 'DENIES' && /Milei/.test(s.sourceText));
    expect(denial?.actor).toEqual({ name: 'Javier Milei' });
  });

  it('finds the refusals to comment and the Times reporting', () => {
    expect(suggestions.filter((s) => s.stance === 'DECLINES_TO_COMMENT').length).toBeGreaterThan(0);
    const times = suggestions.filter(
      (s) => s.stance === 'REPORTS' && s.actor?.name === 'The New York Times',
    );
    expect(times.length).toBeGreaterThan(0);
    const nested = suggestions.find(
      (s) =>
        s.reportedViaIndex !== null &&
        suggestions[s.reportedViaIndex].actor?.name === 'The New York Times',
    );
    expect(nested).toBeDefined();
  });

  it('can be accepted with attributeClaim by position', async () => {
    const denial = suggestions.find((s) => s.stance === 'DENIES');
    const claim = await t.ok(`mutation { createClaim(input: { text: "Talks" }) { id } }`);
    const article = await t.ok(`{ articles(first: 1) { edges { node { id } } } }`);
    const actor = await t.ok(`{ actors(search: "Milei") { edges { node { id } } } }`);
    const accepted = await t.ok(
      `mutation ($i: AttributeClaimInput!) { attributeClaim(input: $i) { stance passage { exact } } }`,
      {
        i: {
          claimId: claim.createClaim.id,
          actorId: actor.actors.edges[0].node.id,
          articleId: article.articles.edges[0].node.id,
          stance: denial.stance,
          position: { start: denial.contentStart, end: denial.contentEnd },
        },
      },
    );
    expect(accepted.attributeClaim).toEqual({
      stance: 'DENIES',
      passage: { exact: denial.content },
    });
  });
});
