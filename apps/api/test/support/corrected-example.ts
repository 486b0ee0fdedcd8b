import { readFileSync } from 'node:fs';
import { WORKED_EXAMPLE_FILE } from '@claimtrace/demo';

/** Perfil's article as first published (the worked example). */
export const ORIGINAL = readFileSync(WORKED_EXAMPLE_FILE, 'utf8');

export const QUOTES = {
  /** unchanged in the correction: moves EXACT */
  nyt: 'The New York Times published an article suggesting that Buenos Aires and Washington are discussing a scheme under which migrants expelled from the US would be transferred to Argentine territory before returning to their countries of origin',
  /** the date changes (Friday → Thursday): moves FUZZY */
  repost:
    'Milei addressed the report publicly for the first time on Friday by reposting a message on X from another user',
  /** the figure changes (100 → 90): moves FUZZY */
  falseClaim: 'describing the information as “100 percent false.”',
  /** withdrawn in the correction: ORPHANED */
  sources:
    'Sources familiar with the discussions told the newspaper that while no deal has been closed, negotiations are moving quickly.',
};

/**
 * The corrected version Perfil might publish: a date and a figure changed, a quote withdrawn
 * (the anonymous sources' sentence), and a correction note at the end.
 */
export const CORRECTED = ORIGINAL.replace(
  'for the first time on Friday by reposting',
  'for the first time on Thursday by reposting',
)
  .replace('“100 percent false.”', '“90 percent false.”')
  .replace(` ${QUOTES.sources}`, '')
  .replace(
    '– TIMES/NA/PERFIL',
    'Correction: an earlier version of this article misstated the day of the repost and the figure quoted.\n\n– TIMES/NA/PERFIL',
  );
