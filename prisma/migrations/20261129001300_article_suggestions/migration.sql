-- The extractor's suggestions for an article, stored once per article and extractor version
-- instead of being recomputed by every read of `Article.suggestedAttributions` (and by each of its
-- aliases). Articles stored before this migration get theirs when first read; a new extractor
-- version (new rules or a retrained cue model) is a new row, computed when first read.
-- JSON, not JSONB: the list is written and read whole, never queried inside, and JSON keeps any
-- string the extractor answers (JSONB refuses some escapes, e.g. of an unpaired surrogate).

-- CreateTable
CREATE TABLE "article_suggestions" (
    "article_id" UUID NOT NULL,
    "extractor_version" TEXT NOT NULL,
    "suggestions" JSON NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_suggestions_pkey" PRIMARY KEY ("article_id","extractor_version")
);

-- AddForeignKey
ALTER TABLE "article_suggestions" ADD CONSTRAINT "article_suggestions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
