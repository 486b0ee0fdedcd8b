/**
 * Spanish reporting verbs with every tense and person a news text uses, grouped by the stance they
 * signal. Regular verbs are conjugated from the infinitive; stem-changing and irregular verbs list
 * their extra forms (`sostener: sostuvo sostiene …`). Compound tenses ("ha dicho", "había
 * negado") are the participle after a form of "haber", which the extractor joins to the cue.
 */
import type { Stance } from '../types';

export interface SpanishVerb {
  lemma: string;
  stance: Stance;
  /** Also common outside reporting ("señaló el camino"): a cue only before "que", ":" or a quote. */
  strict: boolean;
}

interface Group {
  stance: Stance;
  strict?: boolean;
  /** `infinitive` or `infinitive:extra forms separated by spaces`. */
  verbs: string[];
}

const GROUPS: Group[] = [
  {
    stance: 'ASSERTS',
    verbs: [
      'decir:dijo dije dijiste dijimos dijeron dice dices digo decimos dicen decía decían dirá dirán diría dirían dicho diciendo',
      'afirmar',
      'asegurar',
      'sostener:sostuvo sostuve sostuvieron sostiene sostienen sostengo sostendrá sostendría sostenido sosteniendo',
      'declarar',
      'explicar:expliqué',
      'señalar',
      'indicar:indiqué',
      'añadir',
      'agregar:agregué',
      'advertir:advirtió advirtieron advierte advierten advierto',
      'subrayar',
      'destacar:destaqué',
      'insistir',
      'reiterar',
      'recordar:recuerda recuerdan recuerdo',
      'manifestar:manifiesta manifiestan',
      'expresar',
      'opinar',
      'considerar',
      'estimar',
      'comentar',
      'apuntar',
      'precisar',
      'aclarar',
      'puntualizar:puntualicé',
      'anunciar',
      'prometer',
      'acusar',
      'denunciar',
      'criticar:critiqué',
      'alertar',
      'responder',
      'replicar:repliqué',
      'contestar',
      'mantener:mantuvo mantuvieron mantiene mantienen mantendrá mantenido',
      'escribir:escrito',
      'tuitear',
      'argumentar',
      'relatar',
      'narrar',
      'detallar',
      'enfatizar:enfaticé',
      'exigir',
      'pedir:pidió pidieron pide piden pido',
      'remarcar:remarqué',
      'recalcar:recalqué',
      'resaltar',
      'lamentar',
      'adelantar',
      'anticipar',
      'atribuir:atribuyó atribuyeron atribuye atribuyen',
      'zanjar',
      'acotar',
      'matizar:maticé',
      'sentenciar',
      'mencionar',
      'comunicar:comuniqué',
      'vaticinar',
      'pronosticar:pronostiqué',
      'plantear',
      'proponer:propuso propusieron propone proponen propondrá propuesto',
      'reclamar',
      'ironizar:ironicé',
      'deslizar:deslicé',
      'reprochar',
      'sugerir:sugirió sugirieron sugiere sugieren',
      'aseverar',
      'alegar:alegué',
      'aducir:adujo adujeron aduce aducen',
      'exponer:expuso expusieron expone exponen expuesto',
      'reafirmar',
      'apostillar',
      'recriminar',
      'condenar',
      'repudiar',
      'elogiar',
      'solicitar',
      'instar',
      'urgir:urgió urgieron',
      'augurar',
      'deplorar',
    ],
  },
  {
    stance: 'ASSERTS',
    strict: true,
    verbs: [
      'creer:creyó creyeron',
      'pensar:piensa piensan pienso',
      'calcular:calculé',
      'concluir:concluyó concluyeron concluye concluyen',
      'celebrar',
      'valorar',
      'cifrar',
      'garantizar:garanticé',
      'prever:prevé prevén previó previeron previsto',
      'defender:defiende defienden defendió defendieron',
      'contar:contó contaron',
      'describir:descrito',
      'definir',
      'calificar:califiqué',
      'tildar',
      'tachar',
    ],
  },
  {
    stance: 'REPORTS',
    verbs: [
      'informar',
      'publicar:publiqué',
      'reportar',
      'consignar',
      'revelar',
      'difundir',
      'divulgar:divulgué',
    ],
  },
  // "Trascendió que …": what became known, with no source of its own.
  { stance: 'REPORTS', strict: true, verbs: ['trascender:trascendió'] },
  {
    stance: 'DISPUTES',
    verbs: ['desestimar', 'minimizar:minimicé', 'relativizar:relativicé'],
  },
  {
    stance: 'DENIES',
    verbs: [
      'negar:niega niegan niego negué',
      'desmentir:desmintió desmintieron desmiente desmienten',
      'rechazar:rechacé',
      'refutar',
      'descartar',
      'rebatir',
    ],
  },
  { stance: 'DISPUTES', verbs: ['cuestionar', 'objetar', 'impugnar', 'contradecir:contradijo'] },
  {
    stance: 'CONFIRMS',
    verbs: [
      'confirmar',
      'reconocer:reconoce reconocen reconozco',
      'ratificar:ratifiqué',
      'corroborar',
      'admitir',
      'confesar:confiesa confiesan',
    ],
  },
  { stance: 'QUESTIONS', verbs: ['preguntar', 'preguntarse'] },
  { stance: 'RETRACTS', verbs: ['retractarse', 'rectificar:rectifiqué'] },
];

/**
 * Indicative and conditional endings, the participle and the gerund. Left out on purpose: the
 * first person present and the subjunctive, whose forms are mostly nouns in news prose ("el
 * anuncio", "el informe", "el reporte").
 */
const ENDINGS = {
  ar: 'as a amos an é aste ó aron aba abas ábamos aban ará arán aría arían ado ando',
  er: 'es e emos en í iste ió ieron ía ías íamos ían erá erán ería erían ido iendo',
  ir: 'es e imos en í iste ió ieron ía ías íamos ían irá irán iría irían ido iendo',
};

function conjugate(infinitive: string): string[] {
  const pronominal = infinitive.endsWith('se');
  const verb = pronominal ? infinitive.slice(0, -2) : infinitive;
  const stem = verb.slice(0, -2);
  const kind = verb.slice(-2) as keyof typeof ENDINGS;
  return ENDINGS[kind].split(' ').map((ending) => `${stem}${ending}`);
}

function buildForms(): Map<string, SpanishVerb> {
  const forms = new Map<string, SpanishVerb>();
  for (const group of GROUPS) {
    for (const entry of group.verbs) {
      const [lemma, extra = ''] = entry.split(':');
      const verb = { lemma, stance: group.stance, strict: group.strict ?? false };
      for (const form of [...conjugate(lemma), ...extra.split(' ').filter(Boolean)]) {
        if (!forms.has(form)) forms.set(form, verb);
      }
    }
  }
  return forms;
}

const FORMS = buildForms();

/** The reporting verb a lower-case word is a form of, if any. */
export function spanishVerbOf(word: string): SpanishVerb | undefined {
  return FORMS.get(word);
}

/** Forms of "haber" that make a compound tense with a participle ("ha dicho", "habían negado"). */
export const HABER = new Set(
  'he has ha hemos han había habías habíamos habían habrá habrán habría habrían haya hayan hubo'.split(
    ' ',
  ),
);

/** Refusals to comment: a cue of their own, with DECLINES_TO_COMMENT and no content needed. */
export const DECLINES_ES =
  /^(?:declin\p{L}+|se\s+neg\p{L}+|evit\p{L}+|prefiri\p{L}+\s+no|se\s+abstuv\p{L}+|omiti\p{L}+|no\s+quis\p{L}+)\s+(?:a\s+)?(?:hacer\s+(?:comentarios?|declaraciones)|comentar\p{L}*|pronunciarse|responder|hablar|declarar|opinar|referirse|dar\s+detalles)\b|^no\s+(?:(?:ha|han|había|habían)\s+)?(?:lo\s+)?coment(?:ó|aron|ado|a|an)(?!\p{L})|^no\s+respond\p{L}+\s+(?:a\s+)?(?:las?\s+)?(?:consultas?|llamadas?|preguntas?|mensajes?|pedidos?|solicitud(?:es)?)\b|^no\s+(?:hizo|quiso\s+hacer)\s+(?:comentarios?|declaraciones)\b/iu;

/** "puso en duda", "restó importancia", "se mostró escéptico": doubt about a claim, a cue of its own (DISPUTES). */
export const DOUBTS_ES =
  /^(?:(?:puso|pusieron|pone|ponen|ha\s+puesto|han\s+puesto)\s+en\s+duda|(?:rest|quit)(?:ó|aron|a|an|ado)\s+importancia|se\s+mostr\p{L}+\s+(?:muy\s+)?(?:escéptic|reticente|dudos)\p{L}*)/iu;

/** Prepositional cues that name their source like "según": "de acuerdo con X", "a juicio de X". */
export const ACCORDING_ES =
  /^(?:de\s+acuerdo\s+con|a\s+juicio\s+de|en\s+palabras\s+de|en\s+opinión\s+de|a\s+decir\s+de)\s/iu;

/** "calificó de falso", "tildó de mentira": a denial said as a verdict on a claim. */
export const CALLS_FALSE_ES =
  /^(?:calific\p{L}+|tild\p{L}+|consider\p{L}+)\s+(?:(?:de|como)\s+)?(?:fals[oa]s?|mentiras?|infundad[oa]s?|fake)\b/iu;
