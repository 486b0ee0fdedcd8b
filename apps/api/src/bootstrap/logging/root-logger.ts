import { destination as stdout, pino, Logger as Pino } from 'pino';
import pinoPretty from 'pino-pretty';
import { AppConfig, chooseLogFormat } from '@claimtrace/core';

/** Never in the logs: credentials, and a download link's ticket (it opens its export for minutes). */
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'req.query.ticket'];

/**
 * The process's one pino logger: the start-up lines, Nest's and the request logs all go through
 * it, so they share one format (LOG_FORMAT, else readable on a terminal and JSON otherwise).
 */
export function createRootLogger(
  config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  stdoutIsTerminal = process.stdout.isTTY === true,
  /** where the lines go (tests); stdout by default */
  destination?: NodeJS.WritableStream,
): Pino {
  const options = { level: config.LOG_LEVEL, redact: REDACTED };
  return chooseLogFormat(config.LOG_FORMAT, stdoutIsTerminal) === 'json'
    ? pino(options, destination ?? stdout(1))
    : pino(options, pinoPretty({ ...PRETTY, destination: destination ?? 1 }));
}

/**
 * One line per record (time, level, [context], message), a request as `GET /graphql → 200 in
 * 12 ms`; errors keep their stack below. Synchronous, so nothing is lost when the process exits.
 */
const PRETTY = {
  sync: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context,req,res,responseTime,reqId,startup',
  messageFormat:
    '{if context}[{context}] {end}{msg}{if req.method} {req.method} {req.url} → {res.statusCode} in {responseTime} ms{end}',
};
