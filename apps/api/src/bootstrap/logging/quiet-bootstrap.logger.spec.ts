import { Writable } from 'node:stream';
import { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { QuietBootstrapLogger } from './quiet-bootstrap.logger';
import { createRootLogger } from './root-logger';

/** Every line the logger writes, in order. */
function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

/** Nest's logger over a root logger, as main.ts and createApp build it. */
function nestLogger(root: ReturnType<typeof createRootLogger>): LoggerService {
  const params = { pinoHttp: { logger: root } };
  return new QuietBootstrapLogger(new Logger(new PinoLogger(params), params));
}

describe('the API logs', () => {
  // nestjs-pino keeps the first logger it is given for the whole process
  beforeEach(() => __resetOutOfContextForTests());

  it('write one JSON object a line when not on a terminal', () => {
    const { stream, lines } = capture();
    const root = createRootLogger({ LOG_LEVEL: 'info', LOG_FORMAT: undefined }, false, stream);
    nestLogger(root).log('listening', 'Claimtrace');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 30, context: 'Claimtrace', msg: 'listening' }),
    ]);
  });

  it('write readable lines on a terminal (or with LOG_FORMAT=pretty), errors with their stack', () => {
    for (const [format, terminal] of [
      [undefined, true],
      ['pretty', false],
    ] as const) {
      __resetOutOfContextForTests();
      const { stream, lines } = capture();
      const root = createRootLogger({ LOG_LEVEL: 'info', LOG_FORMAT: format }, terminal, stream);
      nestLogger(root).log('listening', 'Claimtrace');
      root.error({ err: new Error('boom') }, 'it failed');
      expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*: \[Claimtrace\] listening$/);
      expect(lines[1]).toMatch(/ERROR.*: it failed$/);
      expect(lines.join('\n')).toMatch(/Error: boom\n\s+at /);
      expect(() => JSON.parse(lines[0])).toThrow();
    }
  });

  it("move Nest's start-up lines to debug and keep the rest as they are", () => {
    const { stream, lines } = capture();
    const root = createRootLogger({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, false, stream);
    const logger = nestLogger(root);
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/graphql, POST} route', 'GraphQLModule');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log('ready', 'Claimtrace');
    logger.warn('schema is slow', 'GraphQLModule');
    const levels = lines.map((line) => JSON.parse(line)).map((l) => [l.context, l.level]);
    expect(levels).toEqual([
      ['InstanceLoader', 20],
      ['GraphQLModule', 20],
      ['NestApplication', 20],
      ['Claimtrace', 30],
      ['GraphQLModule', 40],
    ]);
  });

  it('show no start-up noise at the default level', () => {
    const { stream, lines } = capture();
    const root = createRootLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, false, stream);
    const logger = nestLogger(root);
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('HealthController {/health}:', 'RoutesResolver');
    logger.log('ready', 'Claimtrace');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['ready']);
  });

  it('never write credentials or download tickets', () => {
    const { stream, lines } = capture();
    const root = createRootLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, false, stream);
    root.info({ req: { headers: { authorization: 'Bearer ct_x' }, query: { ticket: 't' } } }, 'r');
    expect(lines[0]).not.toMatch(/ct_x|"t"/);
    expect(JSON.parse(lines[0]).req.headers.authorization).toBe('[Redacted]');
  });
});
