/** Error codes of a connection the client closed or reset while the server read or wrote it. */
const DISCONNECT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);

/**
 * Whether `error` only says that the client went away (a reset, a closed socket, a download
 * abandoned half-way, a keep-alive connection cut): nothing failed on the server, and the request
 * log's one line ("request aborted") says all there is to say. Node reports a body cut short as
 * `Error: aborted` with code ECONNRESET.
 */
export function isClientDisconnect(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && DISCONNECT_CODES.has(code)) || error.message === 'aborted';
}
