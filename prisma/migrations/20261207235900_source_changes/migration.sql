-- Corrections reach the claims (issue 15). When a new version of an article is ingested, every
-- attribution and status-change evidence on a re-anchored passage gets a source change: EXACT and
-- FUZZY ones move to the new passage (moved_to_passage_id, moved_at: the attribution's passage
-- before moved_at was from_passage_id, which is how `asOf` reads the past); ORPHANED ones stay and
-- need review, as do FUZZY ones below the review score. An editor resolves them (CONFIRM,
-- REANCHOR, REMOVE): resolved_by names the token, resolved_by_id the person behind it (issue 18).

-- AlterEnum
ALTER TYPE "claim_event_kind" ADD VALUE 'SOURCE_CORRECTED';
ALTER TYPE "claim_event_kind" ADD VALUE 'SOURCE_CHANGE_RESOLVED';

-- CreateEnum
CREATE TYPE "source_change_action" AS ENUM ('CONFIRM', 'REANCHOR', 'REMOVE');

-- CreateTable
CREATE TABLE "source_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "attribution_id" UUID,
    "status_change_id" UUID,
    "from_article_id" UUID NOT NULL,
    "to_article_id" UUID NOT NULL,
    "from_passage_id" UUID NOT NULL,
    "to_passage_id" UUID,
    "status" "anchor_status" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" TEXT,
    "needs_review" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "moved_to_passage_id" UUID,
    "moved_at" TIMESTAMPTZ(3),
    "resolution" "source_change_action",
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    "resolved_by_id" UUID,
    "resolved_reason" TEXT,

    CONSTRAINT "source_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_changes_claim_id_at_idx" ON "source_changes"("claim_id", "at");

-- CreateIndex
CREATE INDEX "source_changes_at_id_idx" ON "source_changes"("at", "id");

-- CreateIndex
CREATE INDEX "source_changes_attribution_id_idx" ON "source_changes"("attribution_id");

-- CreateIndex
CREATE INDEX "source_changes_status_change_id_idx" ON "source_changes"("status_change_id");

-- CreateIndex
CREATE INDEX "source_changes_resolved_by_id_idx" ON "source_changes"("resolved_by_id");

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_attribution_id_fkey" FOREIGN KEY ("attribution_id") REFERENCES "attributions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_status_change_id_fkey" FOREIGN KEY ("status_change_id") REFERENCES "status_changes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_from_article_id_fkey" FOREIGN KEY ("from_article_id") REFERENCES "articles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_to_article_id_fkey" FOREIGN KEY ("to_article_id") REFERENCES "articles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_from_passage_id_fkey" FOREIGN KEY ("from_passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_to_passage_id_fkey" FOREIGN KEY ("to_passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_moved_to_passage_id_fkey" FOREIGN KEY ("moved_to_passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_changes" ADD CONSTRAINT "source_changes_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
