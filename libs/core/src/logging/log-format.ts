export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * How the logs are written: what LOG_FORMAT asks for, else readable lines for a person at a
 * terminal and one JSON object a line for anything else (a pipe, a file, a log collector).
 */
export function chooseLogFormat(
  asked: LogFormat | undefined,
  stdoutIsTerminal: boolean,
): LogFormat {
  return asked ?? (stdoutIsTerminal ? 'pretty' : 'json');
}
