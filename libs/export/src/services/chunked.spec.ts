import { chunked, Part } from './chunked';

async function* parts(...items: Part[]): AsyncGenerator<Part> {
  yield* items;
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return chunks;
}

describe('chunked', () => {
  it('joins strings and the rows of batches, in order, into chunks of about the given size', async () => {
    const chunks = await collect(
      chunked(parts('<g>', ['a1', 'a2', 'a3'], 'mid', ['b1'], '</g>'), 5),
    );

    expect(chunks).toEqual(['<g>a1', 'a2a3mid', 'b1</g>']);
  });

  it('never joins a whole batch first: a chunk ends at the first row that reaches the size', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `row ${i.toString().padStart(4, '0')}\n`);
    const chunks = await collect(chunked(parts(rows), 100));

    expect(chunks.join('')).toBe(rows.join(''));
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(100 + 10);
  });

  it('yields nothing for nothing', async () => {
    await expect(collect(chunked(parts('', [])))).resolves.toEqual([]);
  });
});
