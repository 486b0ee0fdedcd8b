-- The newsroom around each claim (issue 18): people to whom tokens belong, assignments with due
-- dates and priorities, notes with @mentions, and checklist ticks. Every event and status change
-- records the person behind the token that made it.

-- AlterEnum
ALTER TYPE "claim_event_kind" ADD VALUE 'ASSIGNED';
ALTER TYPE "claim_event_kind" ADD VALUE 'NOTE_ADDED';
ALTER TYPE "claim_event_kind" ADD VALUE 'NOTE_UPDATED';
ALTER TYPE "claim_event_kind" ADD VALUE 'NOTE_REMOVED';
ALTER TYPE "claim_event_kind" ADD VALUE 'CHECKLIST_ITEM_CHANGED';

-- CreateEnum
CREATE TYPE "priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateTable
CREATE TABLE "people" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "handle" TEXT,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "people_handle_key" ON "people"("handle");
CREATE INDEX "people_name_id_idx" ON "people"("name", "id");

-- Every token belongs to a person: the tokens made before people existed each get one of their name.
ALTER TABLE "api_principals" ADD COLUMN "person_id" UUID;
CREATE TEMPORARY TABLE "principal_people" ON COMMIT DROP AS
  SELECT "id" AS "principal_id", gen_random_uuid() AS "person_id", "name", "created_at"
  FROM "api_principals";
INSERT INTO "people" ("id", "name", "created_at")
  SELECT "person_id", "name", "created_at" FROM "principal_people";
UPDATE "api_principals" p SET "person_id" = pp."person_id"
  FROM "principal_people" pp WHERE pp."principal_id" = p."id";
ALTER TABLE "api_principals" ALTER COLUMN "person_id" SET NOT NULL;
CREATE INDEX "api_principals_person_id_idx" ON "api_principals"("person_id");
ALTER TABLE "api_principals" ADD CONSTRAINT "api_principals_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "claims" ADD COLUMN "assignee_id" UUID,
ADD COLUMN "due_at" TIMESTAMPTZ(3),
ADD COLUMN "priority" "priority" NOT NULL DEFAULT 'NORMAL';
CREATE INDEX "claims_assignee_id_idx" ON "claims"("assignee_id");
CREATE INDEX "claims_due_at_idx" ON "claims"("due_at");
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "claim_events" ADD COLUMN "person_id" UUID;
CREATE INDEX "claim_events_person_id_idx" ON "claim_events"("person_id");
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "status_changes" ADD COLUMN "person_id" UUID;
CREATE INDEX "status_changes_person_id_idx" ON "status_changes"("person_id");
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "attribution_id" UUID,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "mention_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by_id" UUID,
    "removed_reason" TEXT,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notes_claim_id_created_at_id_idx" ON "notes"("claim_id", "created_at", "id");
CREATE INDEX "notes_attribution_id_created_at_id_idx" ON "notes"("attribution_id", "created_at", "id");
CREATE INDEX "notes_author_id_idx" ON "notes"("author_id");
CREATE INDEX "notes_removed_by_id_idx" ON "notes"("removed_by_id");
CREATE INDEX "notes_mention_ids_idx" ON "notes" USING GIN ("mention_ids");
ALTER TABLE "notes" ADD CONSTRAINT "notes_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_attribution_id_fkey" FOREIGN KEY ("attribution_id") REFERENCES "attributions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_removed_by_id_fkey" FOREIGN KEY ("removed_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "checklist_ticks" (
    "claim_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "done_by_id" UUID NOT NULL,
    "done_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checklist_ticks_pkey" PRIMARY KEY ("claim_id","key")
);
CREATE INDEX "checklist_ticks_done_by_id_idx" ON "checklist_ticks"("done_by_id");
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
