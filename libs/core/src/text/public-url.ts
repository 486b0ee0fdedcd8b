/** BCP 47 language tags as the API takes them: a 2–3 letter language, then subtags (pt-BR, es-419). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANGUAGE_TAG_EXAMPLES = 'en, es or pt-BR';

/**
 * Whether a URL points at this machine (localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0): such
 * an address works for nobody else, so it must never reach a published document.
 */
export function isLocalUrl(value: string | URL): boolean {
  let host: string;
  try {
    host = (typeof value === 'string' ? new URL(value) : value).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::' ||
    /^::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|127(\.\d{1,3}){3})$/.test(host)
  );
}
