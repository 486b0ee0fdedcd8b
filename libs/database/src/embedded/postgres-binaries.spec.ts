import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresBinaries, reachableBinaries } from './postgres-binaries';

describe('reachableBinaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-binaries-'));
  const native = join(dir, 'private', 'native');
  mkdirSync(join(native, 'bin'), { recursive: true });
  mkdirSync(join(native, 'share'), { recursive: true });
  writeFileSync(join(native, 'bin', 'postgres'), 'postgres');
  writeFileSync(join(native, 'bin', 'initdb'), 'initdb');
  writeFileSync(join(native, 'share', 'postgres.bki'), 'catalog');
  mkdirSync(join(native, 'lib'));
  writeFileSync(join(native, 'lib', 'libicuuc.so.60.2'), 'icu');
  symlinkSync('libicuuc.so.60.2', join(native, 'lib', 'libicuuc.so.60'));
  const found: PostgresBinaries = {
    initdb: join(native, 'bin', 'initdb'),
    postgres: join(native, 'bin', 'postgres'),
    root: native,
    version: '17.1.0',
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps binaries the server can run where they are', () => {
    expect(
      reachableBinaries(
        found,
        () => true,
        join(dir, 'shared'),
        () => undefined,
      ),
    ).toBe(found);
    expect(existsSync(join(dir, 'shared'))).toBe(false);
  });

  it('copies the whole native folder once to a versioned shared folder', () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    const lines: string[] = [];
    const outside = (path: string) => !path.startsWith(join(dir, 'private'));

    const first = reachableBinaries(found, outside, shared, (line) => lines.push(line));
    const second = reachableBinaries(found, outside, shared, (line) => lines.push(line));

    expect(first.postgres).toBe(join(shared, 'postgres-17.1.0', 'bin', 'postgres'));
    expect(readFileSync(join(first.root, 'share', 'postgres.bki'), 'utf8')).toBe('catalog');
    // the libraries' symlinks stay relative, so they point inside the copy
    expect(readlinkSync(join(first.root, 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
    expect(second).toEqual(first);
    expect(lines).toHaveLength(1);
  });
});
