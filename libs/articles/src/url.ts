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
