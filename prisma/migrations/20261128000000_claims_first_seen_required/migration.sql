-- Every claim has a first-seen time: the claims page pages by (first_seen_at, id), and a row whose
-- first_seen_at was NULL (written outside the API) fell out of every page after the first.
-- The API always set it; rows without one take their creation time, new rows default to now.
UPDATE "claims" SET "first_seen_at" = "created_at" WHERE "first_seen_at" IS NULL;
ALTER TABLE "claims" ALTER COLUMN "first_seen_at" SET DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "claims" ALTER COLUMN "first_seen_at" SET NOT NULL;
