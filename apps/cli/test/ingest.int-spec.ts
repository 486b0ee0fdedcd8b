import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, PageServer, startPageServer } from '@claimtrace/testing';
import { runCli } from './support/run-cli';

// `claimtrace ingest URL` against a real database and a local site (private addresses allowed).

describe('claimtrace ingest', () => {
  const saved = { ...process.env };
  let pages: PageServer;

  const run = (...args: string[]) => runCli('ingest', ...args);

  beforeAll(async () => {
    pages = await startPageServer();
    process.env.DATABASE_URL = await createTestDatabase();
    process.env.FETCH_ALLOW_PRIVATE_ADDRESSES = 'true';
    process.env.LOG_LEVEL = 'silent';
  });
  afterAll(async () => {
    process.env = saved;
    await pages.close();
  });

  it('fetches a page and prints the article and its suggestions; again, UNCHANGED', async () => {
    const first = await run(pages.url('news-jsonld.html'));
    expect(first).toMatch(/^CREATED: \S+/);
    expect(first).toContain('title     Port of Rosario to close for three days, ministry says');
    expect(first).toContain('language  en');
    expect(first).toMatch(/suggested [1-9]\d* attribution/);
    expect(await run(pages.url('news-jsonld.html'))).toMatch(/^UNCHANGED: /);
  });

  it('stores a text file under a URL without fetching it', async () => {
    const file = join(tmpdir(), `claimtrace-ingest-${process.pid}.txt`);
    writeFileSync(file, 'Pasted headline\n\nThe ministry said the port would reopen on Monday.');
    const output = await run('urn:claimtrace:pasted-1', '--text-file', file, '--language', 'en');
    expect(output).toContain('title     Pasted headline');
  });

  it('fails naming why a page cannot be read', async () => {
    await expect(run(pages.url('no-article.html'))).rejects.toThrow(/no article text was found/);
    for (const [url, message] of [
      ['file:///etc/passwd', /absolute URI starting with http/],
      ['javascript:alert(1)', /absolute URI starting with http/],
      [pages.url('news-jsonld.html').replace('//', '//editor:secret@'), /user name or password/],
      [`${pages.url('news-jsonld.html')}?${'a'.repeat(3_000)}`, /at most 2048 characters/],
    ] as const) {
      await expect(run(url)).rejects.toThrow(message);
    }
  });
});
