import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const FIXTURES = resolve(__dirname, '../../articles/src/reader/__fixtures__');

/** A local site serving the reader's fixture pages (`/<name>.html`), and a redirect to each. */
export interface PageServer {
  /** the URL of a fixture page, e.g. url('news-jsonld.html') */
  url(name: string): string;
  /** a URL that redirects (302) to the fixture page */
  redirectTo(name: string): string;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const redirect = /^\/go\/([\w-]+\.html)$/.exec(path);
    if (redirect) {
      res.writeHead(302, { location: `/${redirect[1]}` }).end();
      return;
    }
    const page = /^\/([\w-]+\.html)$/.exec(path);
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    try {
      const html = readFileSync(resolve(FIXTURES, page[1]));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (name) => `${base}/${name}`,
    redirectTo: (name) => `${base}/go/${name}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
