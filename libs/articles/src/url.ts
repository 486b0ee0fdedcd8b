/** The longest URL an article may have (an input's, a redirect's, a canonical one). */
export const ARTICLE_URL_MAX = 2048;

/**
 * Whether an http(s) URL carries a user name or password: an article's URL is stored and
 * published, and a secret in it would be too.
 */
export function hasCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/** Whether `value` is an absolute URI with the http, https or urn scheme (and a usable body). */
export function isArticleUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  if (/^urn:/i.test(value)) return /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(value);
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
