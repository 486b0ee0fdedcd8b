-- A publisher may revert a correction: the page says again what an earlier version said. That is
-- a new version (the newest is what the page says now), so the same URL and text may be stored
-- twice; an ingest is UNCHANGED only when the newest version has its text. The advisory lock on
-- the URL (not this index) serialises ingests of one URL.
DROP INDEX "articles_url_content_hash_key";
CREATE INDEX "articles_url_content_hash_idx" ON "articles"("url", "content_hash");
