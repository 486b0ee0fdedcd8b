-- Duplicates caught before they are written (issue 16). Objects that schema.prisma cannot
-- express; each one is declared in prisma/extra-objects.json.

-- similarClaims: trigram similarity of claims' texts, case- and accent-insensitive.
CREATE INDEX "claims_text_trgm_idx" ON "claims" USING GIN (claimtrace_unaccent(lower("text")) public.gin_trgm_ops);

-- The same attribution (claim, actor, stance, passage) may stand only once among the current ones.
-- Earlier duplicates are resolved first: the oldest of each group stays, relays through a later
-- copy are moved onto it, and the later copies are removed (kept in history, with the reason).
WITH ranked AS (
    SELECT "id", first_value("id") OVER (
        PARTITION BY "claim_id", "actor_id", "stance", "passage_id" ORDER BY "created_at", "id") AS "keep_id"
    FROM "attributions" WHERE "removed_at" IS NULL
), dups AS (SELECT "id", "keep_id" FROM ranked WHERE "id" <> "keep_id")
UPDATE "attributions" a SET "reported_via_id" = dups."keep_id"
FROM dups WHERE a."reported_via_id" = dups."id" AND a."id" <> dups."keep_id";

WITH ranked AS (
    SELECT "id", first_value("id") OVER (
        PARTITION BY "claim_id", "actor_id", "stance", "passage_id" ORDER BY "created_at", "id") AS "keep_id"
    FROM "attributions" WHERE "removed_at" IS NULL
)
UPDATE "attributions" a SET "removed_at" = CURRENT_TIMESTAMP, "removed_by" = 'migration',
    "removed_reason" = 'duplicate of attribution ' || ranked."keep_id"
FROM ranked WHERE a."id" = ranked."id" AND ranked."id" <> ranked."keep_id";

CREATE UNIQUE INDEX "attributions_current_key" ON "attributions" ("claim_id", "actor_id", "stance", "passage_id") WHERE "removed_at" IS NULL;
