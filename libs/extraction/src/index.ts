export type { ExtractedAttribution, Span, Stance } from './types';
export { extractAttributions } from './extract';
export { EXTRACTION_RULES_REVISION, EXTRACTOR_VERSION } from './version';
export { SPANISH_WORKED_EXAMPLE } from './spanish/worked-example';
