import { mentionedHandles } from './mentions';

describe('mentionedHandles', () => {
  it('finds @handles once each, lower-cased, in order', () => {
    expect(mentionedHandles('@Ana please check, cc @ben and @ana again.')).toEqual(['ana', 'ben']);
    expect(mentionedHandles('(@carla) — @d_e-f: done')).toEqual(['carla', 'd_e-f']);
  });

  it('ignores e-mail addresses, words and handles too long to exist', () => {
    expect(mentionedHandles('write to ana@example.org or x@ben')).toEqual([]);
    expect(mentionedHandles(`@${'a'.repeat(41)}`)).toEqual([]);
    expect(mentionedHandles('@@ana @')).toEqual([]);
  });

  it('ignores e-mail addresses whose name ends in a letter beyond ASCII', () => {
    expect(mentionedHandles('write to josé@ana.org, zoë@ben or 李@carla')).toEqual([]);
    expect(mentionedHandles('¿@ana? «@ben»')).toEqual(['ana', 'ben']);
  });

  it('runs in time linear in a hostile input', () => {
    const hostile = '@'.repeat(200_000) + `@${'a'.repeat(39)}!`.repeat(20_000);
    // a backtracking scan of these 1.2 MB would not end within the test's time
    expect(mentionedHandles(hostile)).toEqual(['a'.repeat(39)]);
  });
});
