-- Reviews ready to publish (issue 18): a review carries its language (BCP 47), can be edited
-- (updated_at) and retracted with a reason: a retracted review stays in the claim's history and
-- the event log, and leaves the public ClaimReview feed. Both changes are logged as events.

-- AlterEnum
ALTER TYPE "claim_event_kind" ADD VALUE 'REVIEW_UPDATED';
ALTER TYPE "claim_event_kind" ADD VALUE 'REVIEW_RETRACTED';

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN "in_language" TEXT,
ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN "retracted_at" TIMESTAMPTZ(3),
ADD COLUMN "retracted_reason" TEXT,
ADD COLUMN "retracted_by" TEXT;
