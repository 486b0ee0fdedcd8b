import { loadConfig } from '../config/load-config';
import { chooseLogFormat } from './log-format';
import { isBootstrapNoise } from './bootstrap-noise';

describe('chooseLogFormat', () => {
  it('is readable on a terminal and JSON for anything else', () => {
    expect(chooseLogFormat(undefined, true)).toBe('pretty');
    expect(chooseLogFormat(undefined, false)).toBe('json');
  });

  it('does what LOG_FORMAT asks, terminal or not', () => {
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
  });

  it('takes LOG_FORMAT from the one env schema, which names it when it is wrong', () => {
    expect(loadConfig({}).LOG_FORMAT).toBeUndefined();
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT: .*'json' \| 'pretty'/);
  });
});

describe('isBootstrapNoise', () => {
  it("is Nest's start-up contexts, not the application's", () => {
    for (const context of ['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule']) {
      expect(isBootstrapNoise(context)).toBe(true);
    }
    expect(isBootstrapNoise('Claimtrace')).toBe(false);
    expect(isBootstrapNoise(undefined)).toBe(false);
    expect(isBootstrapNoise({ context: 'InstanceLoader' })).toBe(false);
  });
});
