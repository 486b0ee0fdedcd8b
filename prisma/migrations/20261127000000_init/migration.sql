-- CreateEnum
CREATE TYPE "actor_kind" AS ENUM ('PERSON', 'ORGANIZATION', 'GOVERNMENT_BODY', 'MEDIA_OUTLET', 'ANONYMOUS_SOURCE', 'SOCIAL_MEDIA_ACCOUNT');

-- CreateEnum
CREATE TYPE "stance" AS ENUM ('ASSERTS', 'REPORTS', 'CONFIRMS', 'DENIES', 'DISPUTES', 'QUESTIONS', 'DECLINES_TO_COMMENT', 'RETRACTS');

-- CreateEnum
CREATE TYPE "claim_status" AS ENUM ('UNVERIFIED', 'CONTESTED', 'CORROBORATED', 'CONFIRMED', 'REFUTED', 'RETRACTED');

-- CreateEnum
CREATE TYPE "claim_relation_kind" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'REFINES', 'DUPLICATES');

-- CreateEnum
CREATE TYPE "claim_event_kind" AS ENUM ('CLAIM_CREATED', 'CLAIM_UPDATED', 'ATTRIBUTION_ADDED', 'ATTRIBUTION_REMOVED', 'STATUS_CHANGED', 'REVIEW_ADDED', 'CLAIMS_LINKED', 'CLAIMS_MERGED', 'ACTOR_CREATED', 'ACTOR_UPDATED', 'ACTORS_MERGED', 'ARTICLE_INGESTED');

-- CreateEnum
CREATE TYPE "anchor_status" AS ENUM ('EXACT', 'FUZZY', 'ORPHANED');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('VIEWER', 'EDITOR', 'ADMIN');

-- CreateTable
CREATE TABLE "actors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" "actor_kind" NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "affiliation_id" UUID,
    "wikidata_id" TEXT,
    "merged_into_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "actors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "language" TEXT,
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "previous_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_authors" (
    "article_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "article_authors_pkey" PRIMARY KEY ("article_id","actor_id")
);

-- CreateTable
CREATE TABLE "passages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "article_id" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "language" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "passages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reanchored_passages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "article_id" UUID NOT NULL,
    "from_passage_id" UUID NOT NULL,
    "to_passage_id" UUID,
    "status" "anchor_status" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" TEXT,

    CONSTRAINT "reanchored_passages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "text" TEXT NOT NULL,
    "status" "claim_status" NOT NULL DEFAULT 'UNVERIFIED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "language" TEXT,
    "first_seen_at" TIMESTAMPTZ(3),
    "merged_into_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attributions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "stance" "stance" NOT NULL,
    "passage_id" UUID NOT NULL,
    "stated_at" TIMESTAMPTZ(3),
    "reported_via_id" UUID,
    "confidence" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by" TEXT,
    "removed_reason" TEXT,

    CONSTRAINT "attributions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_relations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "from_claim_id" UUID NOT NULL,
    "to_claim_id" UUID NOT NULL,
    "relation" "claim_relation_kind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "claim_relations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "from_status" "claim_status" NOT NULL,
    "to_status" "claim_status" NOT NULL,
    "rationale" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "by" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_change_evidence" (
    "status_change_id" UUID NOT NULL,
    "passage_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "status_change_evidence_pkey" PRIMARY KEY ("status_change_id","passage_id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "rating" TEXT NOT NULL,
    "rating_value" DOUBLE PRECISION,
    "best_rating" DOUBLE PRECISION,
    "worst_rating" DOUBLE PRECISION,
    "reviewer_id" UUID NOT NULL,
    "summary" TEXT,
    "url" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_events" (
    "id" BIGSERIAL NOT NULL,
    "kind" "claim_event_kind" NOT NULL,
    "claim_id" UUID,
    "actor_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "by" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "claim_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_principals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_principals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "actors_name_id_idx" ON "actors"("name", "id");

-- CreateIndex
CREATE INDEX "actors_kind_name_id_idx" ON "actors"("kind", "name", "id");

-- CreateIndex
CREATE INDEX "actors_affiliation_id_idx" ON "actors"("affiliation_id");

-- CreateIndex
CREATE INDEX "actors_merged_into_id_idx" ON "actors"("merged_into_id");

-- CreateIndex
CREATE UNIQUE INDEX "articles_previous_version_id_key" ON "articles"("previous_version_id");

-- CreateIndex
CREATE INDEX "articles_created_at_id_idx" ON "articles"("created_at", "id");

-- CreateIndex
CREATE INDEX "articles_publisher_id_idx" ON "articles"("publisher_id");

-- CreateIndex
CREATE UNIQUE INDEX "articles_url_content_hash_key" ON "articles"("url", "content_hash");

-- CreateIndex
CREATE INDEX "article_authors_actor_id_idx" ON "article_authors"("actor_id");

-- CreateIndex
CREATE UNIQUE INDEX "passages_article_id_start_end_key" ON "passages"("article_id", "start", "end");

-- CreateIndex
CREATE UNIQUE INDEX "reanchored_passages_article_id_from_passage_id_key" ON "reanchored_passages"("article_id", "from_passage_id");

-- CreateIndex
CREATE INDEX "claims_first_seen_at_id_idx" ON "claims"("first_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "claims_updated_at_id_idx" ON "claims"("updated_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "claims_status_idx" ON "claims"("status");

-- CreateIndex
CREATE INDEX "claims_tags_idx" ON "claims" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "claims_merged_into_id_idx" ON "claims"("merged_into_id");

-- CreateIndex
CREATE INDEX "attributions_claim_id_created_at_id_idx" ON "attributions"("claim_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "attributions_actor_id_created_at_id_idx" ON "attributions"("actor_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "attributions_passage_id_idx" ON "attributions"("passage_id");

-- CreateIndex
CREATE INDEX "attributions_reported_via_id_idx" ON "attributions"("reported_via_id");

-- CreateIndex
CREATE INDEX "claim_relations_to_claim_id_idx" ON "claim_relations"("to_claim_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_relations_from_claim_id_to_claim_id_relation_key" ON "claim_relations"("from_claim_id", "to_claim_id", "relation");

-- CreateIndex
CREATE INDEX "status_changes_claim_id_at_idx" ON "status_changes"("claim_id", "at");

-- CreateIndex
CREATE INDEX "status_change_evidence_passage_id_idx" ON "status_change_evidence"("passage_id");

-- CreateIndex
CREATE INDEX "reviews_claim_id_created_at_idx" ON "reviews"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "reviews_reviewer_id_idx" ON "reviews"("reviewer_id");

-- CreateIndex
CREATE INDEX "claim_events_claim_id_id_idx" ON "claim_events"("claim_id", "id");

-- CreateIndex
CREATE INDEX "claim_events_actor_ids_idx" ON "claim_events" USING GIN ("actor_ids");

-- CreateIndex
CREATE UNIQUE INDEX "api_principals_token_hash_key" ON "api_principals"("token_hash");

-- AddForeignKey
ALTER TABLE "actors" ADD CONSTRAINT "actors_affiliation_id_fkey" FOREIGN KEY ("affiliation_id") REFERENCES "actors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actors" ADD CONSTRAINT "actors_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_previous_version_id_fkey" FOREIGN KEY ("previous_version_id") REFERENCES "articles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passages" ADD CONSTRAINT "passages_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reanchored_passages" ADD CONSTRAINT "reanchored_passages_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reanchored_passages" ADD CONSTRAINT "reanchored_passages_from_passage_id_fkey" FOREIGN KEY ("from_passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reanchored_passages" ADD CONSTRAINT "reanchored_passages_to_passage_id_fkey" FOREIGN KEY ("to_passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_passage_id_fkey" FOREIGN KEY ("passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_reported_via_id_fkey" FOREIGN KEY ("reported_via_id") REFERENCES "attributions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_from_claim_id_fkey" FOREIGN KEY ("from_claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_to_claim_id_fkey" FOREIGN KEY ("to_claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_change_evidence" ADD CONSTRAINT "status_change_evidence_status_change_id_fkey" FOREIGN KEY ("status_change_id") REFERENCES "status_changes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_change_evidence" ADD CONSTRAINT "status_change_evidence_passage_id_fkey" FOREIGN KEY ("passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
