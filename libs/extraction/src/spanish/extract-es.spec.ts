import { extractAttributions } from '../extract';
import { SPANISH_WORKED_EXAMPLE as WORKED } from './worked-example';

const rows = (text: string, language: string | null = 'es') =>
  extractAttributions(text, { language }).map((a) => ({
    source: a.source?.text ?? null,
    cue: a.cue.text,
    content: a.content.text,
    stance: a.stance,
    name: a.sourceName,
    via: a.reportedViaIndex,
  }));

describe('Spanish attributions', () => {
  it('reads the worked example: denial, refusal to comment, relay', () => {
    expect(rows(WORKED)).toEqual([
      {
        source: 'El ministro de Economía, Luis Caputo',
        cue: 'negó',
        content: 'que el Gobierno prepare una devaluación',
        stance: 'DENIES',
        name: 'Luis Caputo',
        via: null,
      },
      {
        source: null,
        cue: 'afirmó',
        content: '«Es completamente falso»',
        stance: 'DENIES',
        name: 'Luis Caputo',
        via: null,
      },
      {
        source: null,
        cue: 'Dijo',
        content: 'que las reservas crecerán en el segundo semestre',
        stance: 'ASSERTS',
        name: 'Luis Caputo',
        via: null,
      },
      {
        source: 'un vocero de la Casa Rosada',
        cue: 'declinó hacer comentarios',
        content: 'declinó hacer comentarios',
        stance: 'DECLINES_TO_COMMENT',
        name: 'un vocero de la Casa Rosada',
        via: null,
      },
      {
        source: 'fuentes cercanas a la Casa Rosada',
        cue: 'según',
        content: 'El ministro renunciaría esta semana',
        stance: 'ASSERTS',
        name: 'fuentes cercanas a la Casa Rosada',
        via: 5,
      },
      {
        source: 'el diario La Nación',
        cue: 'informó',
        content: 'El ministro renunciaría esta semana, según fuentes cercanas a la Casa Rosada',
        stance: 'REPORTS',
        name: 'el diario La Nación',
        via: null,
      },
    ]);
  });

  it('reads reporting verbs in other tenses and persons', () => {
    const cues = (text: string) => rows(text).map((r) => `${r.cue}/${r.stance}`);
    expect(cues('La senadora ha desmentido que exista un acuerdo.')).toEqual([
      'ha desmentido/DENIES',
    ]);
    expect(cues('Los gremios sostuvieron que el paro continuará.')).toEqual([
      'sostuvieron/ASSERTS',
    ]);
    expect(cues('El fiscal confirmará que la causa sigue abierta.')).toEqual([
      'confirmará/CONFIRMS',
    ]);
    expect(cues('La empresa calificó de falsa la versión publicada.')).toEqual([
      'calificó de falsa/DENIES',
    ]);
    expect(cues('El alcalde evitó pronunciarse sobre el caso.')).toEqual([
      'evitó pronunciarse/DECLINES_TO_COMMENT',
    ]);
  });

  it('reads prepositional sources, doubts, coordinated verbs and connectors', () => {
    expect(
      rows('De acuerdo con la Contraloría, el puerto revisa el 2 % de la carga.'),
    ).toMatchObject([
      {
        source: 'la Contraloría',
        cue: 'De acuerdo con',
        content: 'el puerto revisa el 2 % de la carga',
      },
    ]);
    expect(rows('Los regantes se mostraron escépticos ante las previsiones.')).toMatchObject([
      { source: 'Los regantes', stance: 'DISPUTES' },
    ]);
    expect(
      rows('Los legisladores lamentaron la demora y pidieron que se publiquen los anexos.'),
    ).toMatchObject([
      { source: 'Los legisladores', cue: 'lamentaron' },
      { source: null, cue: 'pidieron', name: 'Los legisladores' },
    ]);
    expect(rows('Fuentes del sector apuntan, sin embargo, a restricciones de agua.')).toMatchObject(
      [{ source: 'Fuentes del sector', cue: 'apuntan', content: 'a restricciones de agua' }],
    );
  });

  it('reads dash-introduced quotes and "según" after the content', () => {
    expect(rows('—No vamos a negociar con los bloqueos —dijo la gobernadora.')).toMatchObject([
      { source: 'la gobernadora', cue: 'dijo', content: 'No vamos a negociar con los bloqueos' },
    ]);
    expect(rows('La inflación se desaceleró en marzo, según el instituto.')).toMatchObject([
      { source: 'el instituto', cue: 'según', content: 'La inflación se desaceleró en marzo' },
    ]);
  });

  it('takes no anonymity phrase for a cue and no noun for a verb', () => {
    expect(
      rows('La portavoz, que pidió no ser identificada, aseguró que no hubo despidos.'),
    ).toMatchObject([{ cue: 'aseguró', stance: 'ASSERTS', name: 'La portavoz' }]);
    expect(rows('El informe fue publicado ayer. La denuncia sigue en curso.')).toEqual([]);
  });

  it('keeps a quote’s stance whatever its language', () => {
    // An English article quoting a Spanish denial, and a Spanish article quoting an English one.
    expect(rows('“Es falso”, said the minister on Tuesday.', 'en')).toMatchObject([
      { cue: 'said', stance: 'DENIES' },
    ]);
    expect(rows('«It is false», dijo el portavoz.', 'es')).toMatchObject([
      { cue: 'dijo', stance: 'DENIES' },
    ]);
  });

  it('reads each sentence of a mixed text in its own language', () => {
    const text =
      'The minister spoke to reporters on Tuesday. El ministro negó que haya un acuerdo. ' +
      'A spokesman said the talks would go on.';
    expect(rows(text, 'en').map((r) => `${r.cue}/${r.stance}`)).toEqual([
      'negó/DENIES',
      'said/ASSERTS',
    ]);
  });

  it('finds the speaker after a quote, past an indirect object or with a relative clause', () => {
    const text =
      '«No hay agua desde el lunes», relató una vecina que vive frente a la plaza. ' +
      '«El plan es viable», dijo al diario El Tiempo el economista Juan Ríos.';
    expect(rows(text).map((r) => [r.source, r.cue, r.content])).toEqual([
      ['una vecina', 'relató', '«No hay agua desde el lunes»'],
      ['el economista Juan Ríos', 'dijo', '«El plan es viable»'],
    ]);
  });

  it('does not invert a verb after a name in apposition', () => {
    expect(rows('El director del hospital, Mario Vega, minimizó las denuncias.')).toMatchObject([
      { source: 'El director del hospital, Mario Vega', cue: 'minimizó', stance: 'DISPUTES' },
    ]);
  });

  it('reads more refusals: not commenting, preferring not to give an opinion, not confirming', () => {
    const text =
      'La empresa no ha comentado el fallo. El alcalde prefirió no opinar. ' +
      'Se habla de un acuerdo, aunque la fiscalía no lo confirmó.';
    expect(rows(text).map((r) => [r.source, r.cue, r.stance])).toEqual([
      ['La empresa', 'no ha comentado', 'DECLINES_TO_COMMENT'],
      ['El alcalde', 'prefirió no opinar', 'DECLINES_TO_COMMENT'],
      ['la fiscalía', 'no lo confirmó', 'DECLINES_TO_COMMENT'],
    ]);
  });

  it('reads admissions and what became known', () => {
    const text = 'El ministro admitió que hubo errores. Trascendió que la cumbre se suspenderá.';
    expect(rows(text).map((r) => [r.source, r.cue, r.stance])).toEqual([
      ['El ministro', 'admitió', 'CONFIRMS'],
      [null, 'Trascendió', 'REPORTS'],
    ]);
  });

  it('reads an opening "para" before a speaker, and belittling', () => {
    const text =
      'Para la portavoz del partido, la reforma se queda corta. Para 2030, el país tendrá más agua. ' +
      'El alcalde restó importancia a las críticas.';
    expect(rows(text).map((r) => [r.source, r.cue, r.content, r.stance])).toEqual([
      ['la portavoz del partido', 'Para', 'la reforma se queda corta', 'ASSERTS'],
      ['El alcalde', 'restó importancia', 'a las críticas', 'DISPUTES'],
    ]);
  });

  it('runs in linear time on a hostile input', () => {
    const hostile = `${'según '.repeat(20_000)}${', dijo '.repeat(20_000)}—«`;
    expect(() => extractAttributions(hostile, { language: 'es' })).not.toThrow();
    // One sentence of 60,000 words with a strict verb every third word: no subject walk is long.
    const long = `${'los vecinos creen '.repeat(20_000)}.`;
    expect(() => extractAttributions(long, { language: 'es' })).not.toThrow();
  });
});
