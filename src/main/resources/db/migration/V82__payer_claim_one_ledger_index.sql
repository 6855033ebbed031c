-- Issue 16: payer_claim had two indexes starting with (username, ledger); ix_payer_claim_unindexed
-- (username, ledger, history_indexed) answers every query the shorter one did. One index write less per stored
-- claim. Runs on H2 and PostgreSQL.
DROP INDEX ix_payer_claim_user_ledger;
