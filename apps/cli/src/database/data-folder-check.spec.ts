import { checkDataFolder } from './data-folder-check';

describe('checkDataFolder', () => {
  const here = { dataDir: '/home/ana/elsewhere/.data', installed: null };

  it('lets every command use a folder that holds a database', () => {
    expect(checkDataFolder({ ...here, hasDatabase: true }, 'reads')).toEqual({ go: true });
    expect(checkDataFolder({ ...here, hasDatabase: true }, 'initialises')).toEqual({ go: true });
  });

  it('refuses to read a folder without a database, naming CLAIMTRACE_DATA_DIR', () => {
    const verdict = checkDataFolder({ ...here, hasDatabase: false }, 'reads');
    expect(verdict.go).toBe(false);
    const reason = (verdict as { reason: string }).reason;
    expect(reason).toContain('no Claimtrace database in /home/ana/elsewhere/.data');
    expect(reason).toContain('nothing was created');
    expect(reason).toMatch(/Set CLAIMTRACE_DATA_DIR to the API's data folder/);
  });

  it("points at the installation's own database when it has one", () => {
    const verdict = checkDataFolder(
      { ...here, hasDatabase: false, installed: '/srv/claimtrace/.data' },
      'reads',
    );
    expect((verdict as { reason: string }).reason).toContain(
      'run with CLAIMTRACE_DATA_DIR=/srv/claimtrace/.data',
    );
  });

  it('sets a database up when the command does that, and says so', () => {
    const verdict = checkDataFolder({ ...here, hasDatabase: false }, 'initialises');
    expect(verdict).toEqual({ go: true, notice: expect.stringContaining('creating one there') });
    expect((verdict as { notice: string }).notice).toContain('CLAIMTRACE_DATA_DIR');
  });
});
