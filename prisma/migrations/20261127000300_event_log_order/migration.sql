-- The event log's read order is (tx_id, id): a reader hands out only the prefix whose transactions
-- have all finished (tx_id < the oldest running transaction id), so no late commit is ever skipped.
-- These indexes serve that order for the whole log and for one claim's events.
CREATE INDEX "claim_events_tx_id_id_idx" ON "claim_events" ("tx_id", "id");
CREATE INDEX "claim_events_claim_id_tx_id_id_idx" ON "claim_events" ("claim_id", "tx_id", "id");
