-- Ingest by link (issue 16): when the server fetched an article's page, and the SHA-256 of the
-- HTML it fetched (the text stored is what was extracted from it). Both null for pasted text.
ALTER TABLE "articles" ADD COLUMN "fetched_at" TIMESTAMPTZ(3),
ADD COLUMN "html_hash" TEXT;
