/** A BCP 47 language tag as inputs accept it (`en`, `es`, `pt-BR`), and what to say otherwise. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANGUAGE_MESSAGE = 'language must be a BCP 47 language tag such as en, es or pt-BR';
