import { api } from './support/claims-api';
import { startTestApp, TestApp } from './test-app';

const SIMILAR_CLAIMS = `query ($text: String!, $language: String, $first: Int) {
  similarClaims(text: $text, language: $language, first: $first) { score claim { id text language } } }`;
const SIMILAR_ACTORS = `query ($name: String!, $first: Int) {
  similarActors(name: $name, first: $first) { score actor { id name } } }`;
const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id text } }`;
const CREATE_ACTOR = `mutation ($i: CreateActorInput!) { createActor(input: $i) { id name } }`;
const ATTRIBUTE = `mutation ($i: AttributeClaimInput!) { attributeClaim(input: $i) { id } }`;
const CLAIMS = `query ($filter: ClaimFilter) { claims(filter: $filter, first: 50) { edges { node { text } } } }`;

describe('duplicates caught before they are written', () => {
  let t: TestApp;
  let calls: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await startTestApp();
    calls = api(t);
  });
  afterAll(() => t.close());

  const claim = async (text: string, language?: string) =>
    (await t.ok(CREATE_CLAIM, { i: { text, language } })).createClaim.id as string;

  it('similarClaims scores trailing punctuation, case, accents and word order as the same claim', async () => {
    const id = await claim('Milei se reunió con los deportados en la Casa Rosada', 'es');
    await claim('El gobierno anunció un nuevo plan de vivienda', 'es');
    for (const text of [
      'Milei se reunió con los deportados en la Casa Rosada.',
      'MILEI SE REUNIO CON LOS DEPORTADOS EN LA CASA ROSADA',
      'En la Casa Rosada Milei se reunió con los deportados',
    ]) {
      const { similarClaims } = await t.ok(SIMILAR_CLAIMS, { text, language: 'es' });
      expect(similarClaims[0].claim.id).toBe(id);
      expect(similarClaims[0].score).toBeGreaterThan(0.9);
      expect(similarClaims.map((s: any) => s.claim.text)).not.toContain(
        'El gobierno anunció un nuevo plan de vivienda',
      );
    }
  });

  it('similarClaims respects the language: a claim in another language is left out', async () => {
    await claim('The port of Rosario closed for three days', 'en');
    const en = await t.ok(SIMILAR_CLAIMS, {
      text: 'The port of Rosario closed for three days.',
      language: 'en',
    });
    expect(en.similarClaims[0].claim.text).toBe('The port of Rosario closed for three days');
    const es = await t.ok(SIMILAR_CLAIMS, {
      text: 'The port of Rosario closed for three days.',
      language: 'es',
    });
    expect(es.similarClaims).toEqual([]);
  });

  it('createClaim refuses a likely duplicate with CONFLICT naming it, unless allowDuplicate', async () => {
    const id = await claim('Inflation reached 25 percent in December', 'en');
    const before = await t.count('claims');
    const refused = await t.gql(CREATE_CLAIM, {
      i: { text: 'inflation reached 25 percent in December.', language: 'en' },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', duplicateOfId: id });
    expect(refused.errors?.[0].message).toContain(id);
    expect(refused.errors?.[0].message).toContain('allowDuplicate');
    expect(await t.count('claims')).toBe(before);
    const forced = await t.ok(CREATE_CLAIM, {
      i: {
        text: 'inflation reached 25 percent in December.',
        language: 'en',
        allowDuplicate: true,
      },
    });
    expect(forced.createClaim.id).not.toBe(id);
    // a different claim that shares words is not refused
    await claim('Unemployment reached 7 percent in the third quarter', 'en');
  });

  it('two identical claims sent at once: one is created, the other refused', async () => {
    const text = 'The dam at Yacyretá released water on Sunday night';
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => t.gql(CREATE_CLAIM, { i: { text, language: 'en' } })),
    );
    expect(answers.filter((a) => a.data?.createClaim).length).toBe(1);
    expect(answers.filter((a) => a.errors?.[0].extensions.code === 'CONFLICT').length).toBe(3);
  });

  it('claims and actors that differ only in punctuation, case or spacing, sent at once: one is created', async () => {
    const claims = await Promise.all(
      [
        'Lithium exports doubled in November',
        'Lithium exports doubled in November.',
        'lithium exports doubled in November!',
        'Lithium exports  doubled in November...',
        '¿Lithium exports doubled in November?',
        'LITHIUM EXPORTS DOUBLED IN NOVEMBER',
      ].map((text) => t.gql(CREATE_CLAIM, { i: { text, language: 'en' } })),
    );
    expect(claims.filter((a) => a.data?.createClaim)).toHaveLength(1);
    expect(claims.filter((a) => a.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(5);
    const actors = await Promise.all(
      ['Sergio Massa', 'Sergio Massa.', 'sergio  massa', 'SERGIO MASSA', 'Sergio Massa,'].map(
        (name) => t.gql(CREATE_ACTOR, { i: { name, kind: 'PERSON' } }),
      ),
    );
    expect(actors.filter((a) => a.data?.createActor)).toHaveLength(1);
    expect(actors.filter((a) => a.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(4);
  });

  it('detects a claim’s language when it is not set and the text says enough', async () => {
    const created = await t.ok(
      `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { language } }`,
      {
        i: {
          text: 'El ministerio de transporte anunció que el puerto permanecerá cerrado durante tres días por obras de dragado',
        },
      },
    );
    expect(created.createClaim.language).toBe('es');
    const short = await t.ok(
      `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { language } }`,
      { i: { text: 'Tariffs fall' } },
    );
    expect(short.createClaim.language).toBeNull();
  });

  it('ClaimFilter.language lists the claims of a language (its primary subtag)', async () => {
    await claim('Los precios de los alquileres bajaron en Córdoba', 'es-AR');
    const { claims } = await t.ok(CLAIMS, { filter: { language: 'es' } });
    const texts = claims.edges.map((e: any) => e.node.text);
    expect(texts).toContain('Los precios de los alquileres bajaron en Córdoba');
    expect(texts).not.toContain('The port of Rosario closed for three days');
    const bad = await t.gql(CLAIMS, { filter: { language: 'not a tag' } });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('similarActors finds a name or alias, ignoring case, accents and an apposition', async () => {
    const minera = (
      await t.ok(CREATE_ACTOR, { i: { name: 'Minera Salar Grande', kind: 'ORGANIZATION' } })
    ).createActor.id;
    const bullrich = (
      await t.ok(CREATE_ACTOR, {
        i: { name: 'Patricia Bullrich', kind: 'PERSON', aliases: ['la ministra Bullrich'] },
      })
    ).createActor.id;
    const apposition = await t.ok(SIMILAR_ACTORS, {
      name: 'Minera Salar Grande, the largest producer in the region',
    });
    expect(apposition.similarActors[0]).toEqual({
      score: 1,
      actor: { id: minera, name: 'Minera Salar Grande' },
    });
    const accents = await t.ok(SIMILAR_ACTORS, { name: 'PATRÍCIA BULLRICH' });
    expect(accents.similarActors[0].actor.id).toBe(bullrich);
    const alias = await t.ok(SIMILAR_ACTORS, { name: 'La Ministra Bullrich' });
    expect(alias.similarActors[0]).toMatchObject({ score: 1, actor: { id: bullrich } });
    const none = await t.ok(SIMILAR_ACTORS, { name: 'Banco Central' });
    expect(none.similarActors).toEqual([]);
  });

  it('createActor refuses a likely duplicate with CONFLICT naming it, unless allowDuplicate', async () => {
    const id = (await t.ok(CREATE_ACTOR, { i: { name: 'Luis Caputo', kind: 'PERSON' } }))
      .createActor.id;
    const refused = await t.gql(CREATE_ACTOR, { i: { name: 'luis caputo', kind: 'PERSON' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', duplicateOfId: id });
    expect(refused.errors?.[0].message).toContain('Luis Caputo');
    const forced = await t.ok(CREATE_ACTOR, {
      i: { name: 'luis caputo', kind: 'PERSON', allowDuplicate: true },
    });
    expect(forced.createActor.id).not.toBe(id);
    // at once: one of the same new name is created
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.gql(CREATE_ACTOR, { i: { name: 'Guillermo Francos', kind: 'PERSON' } }),
      ),
    );
    expect(answers.filter((a) => a.data?.createActor).length).toBe(1);
  });

  it('the same attribution twice is refused with CONFLICT naming the existing one, even at once', async () => {
    const article = await calls.article('The minister said the port would reopen on Monday.');
    const actor = await calls.actor('Port minister');
    const claimId = await claim('The port will reopen on Monday', 'en');
    const input = {
      claimId,
      actorId: actor,
      stance: 'ASSERTS',
      articleId: article,
      quote: { exact: 'the port would reopen on Monday' },
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.gql(ATTRIBUTE, { i: input })),
    );
    const created = answers.filter((a) => a.data?.attributeClaim);
    expect(created).toHaveLength(1);
    const existing = created[0].data!.attributeClaim.id;
    for (const refused of answers.filter((a) => a.errors)) {
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        existingAttributionId: existing,
      });
      expect(refused.errors![0].message).toContain(existing);
    }
    // another stance on the same passage is a different attribution
    await t.ok(ATTRIBUTE, { i: { ...input, stance: 'REPORTS' } });
    // once removed, it may be recorded again
    await calls.remove(existing, 'recorded by mistake');
    await t.ok(ATTRIBUTE, { i: input });
  });
});
