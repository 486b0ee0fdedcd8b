import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTRACTION_RULES_REVISION, EXTRACTOR_VERSION, extractAttributions } from './index';

const PERFIL = fs.readFileSync(
  path.resolve(__dirname, '../../demo/data/perfil-2026-milei-deportee-talks.txt'),
  'utf8',
);

describe('EXTRACTOR_VERSION', () => {
  it('names the rules revision and the cue model', () => {
    expect(EXTRACTOR_VERSION).toMatch(/^rules-\d+\+cue-model-[0-9a-f]{16}$/);
  });

  it('changes with the answer on the worked example (bump EXTRACTION_RULES_REVISION, then this)', () => {
    // Stored suggestions are keyed by EXTRACTOR_VERSION: when the rules change the answer and the
    // revision stays, articles keep the old suggestions. Bump the revision and re-pin the digest.
    const digest = createHash('sha256')
      .update(JSON.stringify(extractAttributions(PERFIL)))
      .digest('hex')
      .slice(0, 16);
    expect({ revision: EXTRACTION_RULES_REVISION, digest }).toEqual({
      revision: 3,
      digest: 'b4b021d763ae7d46',
    });
  });
});
