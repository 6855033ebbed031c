-- Issue 17: ix_billing_transaction_account (V51) answers no query: a ledger's transactions are read through
-- ix_billing_transaction_ledger (username, ledger, id) and a patient's latest claim through
-- ix_billing_posted_claim_account (V54). Every posted transaction paid for it: one index entry less per
-- transaction (37,500 when a 10,000-claim ledger is posted). Runs on H2 and PostgreSQL.
DROP INDEX IF EXISTS ix_billing_transaction_account;
