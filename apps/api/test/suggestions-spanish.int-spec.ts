import { SPANISH_WORKED_EXAMPLE } from '@claimtrace/extraction';
import { startTestApp, TestApp } from './test-app';

const INGEST = `mutation ($i: IngestArticleInput!) {
  ingestArticle(input: $i) {
    article {
      suggestedAttributions { index reportedViaIndex sourceText cue content stance actor { name } }
    }
  }
}`;

describe('suggested attributions of Spanish articles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.ok(`mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`, {
      i: { name: 'Luis Caputo', kind: 'PERSON', aliases: ['Caputo'] },
    });
  });
  afterAll(() => t.close());

  const ingest = async (url: string, text: string, language: string | null) =>
    (await t.ok(INGEST, { i: { url, title: 'Caputo', text, language } })).ingestArticle.article
      .suggestedAttributions as any[];

  it.each([
    ['declared', 'es'],
    ['detected', null],
  ])('finds the denial, the refusal and the relay (language %s)', async (_, language) => {
    const suggestions = await ingest(`urn:test:es:${language}`, SPANISH_WORKED_EXAMPLE, language);
    const denials = suggestions.filter((s) => s.stance === 'DENIES');
    expect(denials.map((s) => s.cue)).toEqual(['negó', 'afirmó']);
    // The denial's speaker is matched without his title; the quote's dropped subject resolves to him.
    expect(denials.map((s) => s.actor)).toEqual([{ name: 'Luis Caputo' }, { name: 'Luis Caputo' }]);
    expect(suggestions.find((s) => s.stance === 'DECLINES_TO_COMMENT')).toMatchObject({
      sourceText: 'un vocero de la Casa Rosada',
      cue: 'declinó hacer comentarios',
    });
    const relay = suggestions.find((s) => s.stance === 'REPORTS');
    expect(relay).toMatchObject({ sourceText: 'el diario La Nación', cue: 'informó' });
    const sources = suggestions.find((s) => s.cue === 'según');
    expect(sources).toMatchObject({ sourceText: 'fuentes cercanas a la Casa Rosada' });
    expect(sources.reportedViaIndex).toBe(relay.index);
  });

  it('gives a Spanish denial quoted in an English article its stance', async () => {
    const text =
      'Argentina’s economy minister spoke in Buenos Aires on Tuesday. ' +
      '“Es completamente falso”, Luis Caputo said of reports of a devaluation.';
    const suggestions = await ingest('urn:test:es:mixed', text, 'en');
    expect(suggestions).toContainEqual(
      expect.objectContaining({ cue: 'said', stance: 'DENIES', actor: { name: 'Luis Caputo' } }),
    );
  });
});
