-- Search finds what is in the product (issue 16): articles' titles and texts get a full-text
-- vector like claims' and passages' (stemmed in the article's language, weight A, plus unstemmed
-- unaccented words, weight B). Declared in prisma/extra-objects.json. Only the first 100,000
-- characters count: a tsvector holds at most 1 MB, and positions stop at 16,383 anyway.
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(claimtrace_ts_config("language"), "title" || ' ' || left("text", 100000)), 'A') ||
    setweight(to_tsvector('simple'::regconfig, claimtrace_unaccent("title" || ' ' || left("text", 100000))), 'B')
) STORED;
CREATE INDEX "articles_search_vector_idx" ON "articles" USING GIN ("search_vector");
