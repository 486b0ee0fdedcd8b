export type { ExtractedAttribution, Span, Stance } from './types';
export { extractAttributions } from './extract';
