import { describe, expect, it } from 'vitest';
import { stanceColor } from './graph';

describe('graph colours', () => {
  it('colours denial and assertion apart', () => {
    expect(stanceColor('DENIES')).not.toBe(stanceColor('ASSERTS'));
  });
});
