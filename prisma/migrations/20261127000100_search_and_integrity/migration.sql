-- Objects that schema.prisma cannot express. Each one is declared in prisma/extra-objects.json,
-- which the drift test reads.

-- Extensions: trigram similarity and accent folding for fuzzy actor search.
CREATE EXTENSION IF NOT EXISTS "pg_trgm" SCHEMA public;
CREATE EXTENSION IF NOT EXISTS "unaccent" SCHEMA public;

-- unaccent() is only STABLE (it reads a dictionary); this immutable wrapper pins the dictionary so
-- it can be used in indexes.
CREATE FUNCTION "claimtrace_unaccent"(TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The text-search configuration for a language code: stemmed for the languages we know, 'simple'
-- otherwise.
CREATE FUNCTION "claimtrace_ts_config"(TEXT) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE lower(split_part(coalesce($1, ''), '-', 1))
        WHEN 'en' THEN 'english'::regconfig
        WHEN 'es' THEN 'spanish'::regconfig
        WHEN 'pt' THEN 'portuguese'::regconfig
        WHEN 'fr' THEN 'french'::regconfig
        WHEN 'de' THEN 'german'::regconfig
        WHEN 'it' THEN 'italian'::regconfig
        ELSE 'simple'::regconfig END $$;

-- Full-text vectors: stemmed in the text's language (weight A) plus unstemmed, accent-folded words
-- (weight B), so that a query in another language or with another inflection still matches.
ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(claimtrace_ts_config("language"), "text"), 'A') ||
    setweight(to_tsvector('simple'::regconfig, claimtrace_unaccent("text")), 'B')
) STORED;
ALTER TABLE "passages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(claimtrace_ts_config("language"), "exact"), 'A') ||
    setweight(to_tsvector('simple'::regconfig, claimtrace_unaccent("exact")), 'B')
) STORED;
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");
CREATE INDEX "passages_search_vector_idx" ON "passages" USING GIN ("search_vector");

-- Fuzzy actor search over names and aliases, case- and accent-insensitive.
CREATE INDEX "actors_name_trgm_idx" ON "actors" USING GIN (claimtrace_unaccent(lower("name")) public.gin_trgm_ops);

-- The event log's transaction id: lets a reader deliver events in commit-safe order (an event is
-- only handed out once every transaction that could still insert a smaller id has finished).
ALTER TABLE "claim_events" ADD COLUMN "tx_id" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- Integrity rules.
ALTER TABLE "passages" ADD CONSTRAINT "passages_span_check" CHECK ("start" >= 0 AND "end" > "start");
ALTER TABLE "claims" ADD CONSTRAINT "claims_version_check" CHECK ("version" >= 1);
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_not_self_check" CHECK ("from_claim_id" <> "to_claim_id");
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_not_self_relay_check" CHECK ("reported_via_id" IS NULL OR "reported_via_id" <> "id");
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_confidence_check" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1));
