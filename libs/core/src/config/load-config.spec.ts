import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.CLAIMTRACE_DATA_DIR).toBe('.data');
    expect(config.DEMO_DATA).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a URL starting with postgres:\/\/ or postgresql:\/\//,
    );
    expect(() => loadConfig({ REDIS_URL: 'nope' })).toThrow(ConfigError);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: '-1', MAX_PAGE_SIZE: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('defaults to localhost on the configured port', () => {
    expect(loadConfig({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
  });

  it('keeps a path and drops the trailing slash', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://Claims.Example.org/' }).PUBLIC_BASE_URL).toBe(
      'https://claims.example.org',
    );
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://example.org/fact/check/' }).PUBLIC_BASE_URL).toBe(
      'https://example.org/fact/check',
    );
  });

  it.each([
    'example.org',
    '/claims',
    'ftp://example.org',
    'javascript:alert(1)',
    'https://example.org/?x=1',
    'https://example.org/?',
    'https://example.org/#top',
    'https://user:secret@example.org',
  ])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: value })).toThrow(
      /PUBLIC_BASE_URL: must be an absolute http:\/\/ or https:\/\/ URL/,
    );
  });
});

describe('REVIEW_ORGANIZATION_NAME and _URL', () => {
  it('names the organisation that publishes the reviews, with its public address', () => {
    const config = loadConfig({
      REVIEW_ORGANIZATION_NAME: ' Chequeado ',
      REVIEW_ORGANIZATION_URL: 'https://chequeado.com',
    });
    expect(config.REVIEW_ORGANIZATION_NAME).toBe('Chequeado');
    expect(config.REVIEW_ORGANIZATION_URL).toBe('https://chequeado.com');
    expect(loadConfig({}).REVIEW_ORGANIZATION_NAME).toBeUndefined();
  });

  it('refuses an address on this machine, and an address without a name', () => {
    expect(() =>
      loadConfig({
        REVIEW_ORGANIZATION_NAME: 'X',
        REVIEW_ORGANIZATION_URL: 'http://localhost:3000',
      }),
    ).toThrow(
      /REVIEW_ORGANIZATION_URL: must be an absolute http:\/\/ or https:\/\/ URL that others can open/,
    );
    expect(() =>
      loadConfig({
        REVIEW_ORGANIZATION_NAME: 'Chequeado',
        REVIEW_ORGANIZATION_URL: 'http://10.0.0.7',
      }),
    ).toThrow(/REVIEW_ORGANIZATION_URL: .*\(not localhost nor a private network\)/);
    expect(() => loadConfig({ REVIEW_ORGANIZATION_URL: 'https://chequeado.com' })).toThrow(
      /REVIEW_ORGANIZATION_NAME: is needed with REVIEW_ORGANIZATION_URL/,
    );
  });
});

describe('CHECKLIST', () => {
  it('defaults to the documented checklist, whose second review a verdict needs', () => {
    const checklist = loadConfig({}).CHECKLIST;
    expect(checklist.map((item) => item.key)).toEqual([
      'original-source',
      'contact-actor',
      'check-numbers',
      'second-review',
    ]);
    expect(checklist.find((item) => item.key === 'second-review')?.requiredFor).toEqual([
      'CONFIRMED',
      'REFUTED',
    ]);
  });

  it('takes a deployment’s own items as JSON', () => {
    const given =
      '[{"key":"legal","label":"Legal sign-off","requiredFor":["REFUTED"]},{"key":"photo","label":"Check the photo"}]';
    expect(loadConfig({ CHECKLIST: given }).CHECKLIST).toEqual([
      { key: 'legal', label: 'Legal sign-off', requiredFor: ['REFUTED'] },
      { key: 'photo', label: 'Check the photo', requiredFor: [] },
    ]);
  });

  it.each([
    ['not JSON', '[{', /CHECKLIST: must be a JSON array/],
    ['an empty list', '[]', /CHECKLIST/],
    ['a repeated key', '[{"key":"a","label":"A"},{"key":"a","label":"B"}]', /own key/],
    ['a bad key', '[{"key":"A B","label":"A"}]', /CHECKLIST\.0\.key: a key is/],
    [
      'an unknown status',
      '[{"key":"a","label":"A","requiredFor":["RATED"]}]',
      /CHECKLIST\.0\.requiredFor/,
    ],
    ['an unknown field', '[{"key":"a","label":"A","owner":"x"}]', /CHECKLIST/],
  ])('refuses %s, naming the variable', (_what, value, message) => {
    expect(() => loadConfig({ CHECKLIST: value })).toThrow(message);
  });
});
