/** The part of jsonld.js (npm `jsonld`, which ships no types) that the tests use. */
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface ExpandOptions {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    /** fail on anything expansion would drop (an unknown term, say) instead of dropping it */
    safe?: boolean;
  }
  const jsonld: {
    expand(input: unknown, options?: ExpandOptions): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}
