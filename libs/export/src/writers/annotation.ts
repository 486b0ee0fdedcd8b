/** A passage and the stances it evidences, as the repository reads them. */
export interface AnnotatedPassageRecord {
  passageId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  createdAt: string;
  stances: { actor: string; stance: string; claim: string; claimId: string }[];
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * One W3C Web Annotation (Web Annotation Data Model) for a passage: the article is the target's
 * source, the passage its TextQuoteSelector and TextPositionSelector (code points), and each
 * stance it evidences a textual body ("Javier Milei DENIES: …") linked to the claim.
 */
export function toWebAnnotation(
  record: AnnotatedPassageRecord,
  articleUrl: string,
  ids: { passage: string; claim: (claimId: string) => string },
): Record<string, unknown> {
  return {
    id: ids.passage,
    type: 'Annotation',
    motivation: record.stances.length > 0 ? 'describing' : 'highlighting',
    created: record.createdAt,
    ...(record.stances.length > 0
      ? {
          body: record.stances.map((stance) => ({
            type: 'TextualBody',
            purpose: 'describing',
            format: 'text/plain',
            value: `${stance.actor} ${stance.stance}: ${stance.claim}`,
            source: ids.claim(stance.claimId),
          })),
        }
      : {}),
    target: {
      source: articleUrl,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: record.exact,
          prefix: record.prefix,
          suffix: record.suffix,
        },
        { type: 'TextPositionSelector', start: record.start, end: record.end },
      ],
    },
  };
}

/** The passages of one article as a W3C AnnotationCollection with one page. */
export function toAnnotationCollection(
  id: string,
  label: string,
  annotations: Record<string, unknown>[],
): Record<string, unknown> {
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}
