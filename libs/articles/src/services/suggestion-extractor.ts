import { Injectable } from '@nestjs/common';
import {
  ExtractedAttribution,
  EXTRACTOR_VERSION,
  extractAttributions,
} from '@claimtrace/extraction';

/**
 * The extractor behind stored suggestions, and its version (the key they are stored under). A
 * provider of its own, so a test can count its runs or give it another version.
 */
@Injectable()
export class SuggestionExtractor {
  readonly version: string = EXTRACTOR_VERSION;

  /** The article's attributions; `language` is its declared language (detected when null). */
  extract(text: string, language: string | null = null): ExtractedAttribution[] {
    return extractAttributions(text, { language });
  }
}
