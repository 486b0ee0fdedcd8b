import { PageTooComplex } from './read-page';
import { MAX_READERS, readers, readPageOffThread } from './read-off-thread';

/** A page within the element and nesting limits that keeps the reader busy for minutes. */
const SLOW = `<html><body>${`${'<div>'.repeat(450)}${'<p>word</p>'.repeat(10)}${'</div>'.repeat(450)}`.repeat(60)}</body></html>`;
const QUICK = `<html lang="en"><body><article>${'<p>The port of Rosario will close for three days from Monday, the ministry said.</p>'.repeat(5)}</article></body></html>`;

describe('readPageOffThread', () => {
  it('reads a page in a worker thread', async () => {
    const reading = await readPageOffThread(QUICK, 'https://x.example/', 10_000);
    expect(reading.text).toContain('the ministry said');
    expect(reading.declaredLanguages).toEqual(['en']);
    // the reader stays for the next page (loading the DOM library takes it about a second)
    expect(readers()).toEqual({ reading: 0, waiting: 0, idle: 1 });
    await readPageOffThread(QUICK, 'https://x.example/', 10_000);
    expect(readers().idle).toBe(1);
  });

  it('reads at most MAX_READERS pages at once; the next waits for a free reader', async () => {
    const slow = Array.from({ length: MAX_READERS }, () =>
      readPageOffThread(SLOW, 'https://x.example/', 1_000),
    );
    const quick = readPageOffThread(QUICK, 'https://x.example/', 5_000);
    expect(readers()).toMatchObject({ reading: MAX_READERS, waiting: 1 });
    for (const outcome of await Promise.allSettled(slow)) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: expect.any(PageTooComplex) });
    }
    expect((await quick).text).toContain('the ministry said');
    // the readers given up on were stopped; the one that read the quick page stays
    expect(readers()).toEqual({ reading: 0, waiting: 0, idle: 1 });
  }, 20_000);
});
