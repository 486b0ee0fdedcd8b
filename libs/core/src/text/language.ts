/** BCP 47 language tags as the API takes them: a 2–3 letter language, then subtags (pt-BR, es-419). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANGUAGE_TAG_EXAMPLES = 'en, es or pt-BR';
/** The longest language tag taken (RFC 5646 asks for at least 35 characters of room). */
export const LANGUAGE_TAG_MAX_LENGTH = 35;
/** What an input says of a `language` that is no language tag. */
export const LANGUAGE_MESSAGE = `language must be a BCP 47 language tag such as ${LANGUAGE_TAG_EXAMPLES}`;
