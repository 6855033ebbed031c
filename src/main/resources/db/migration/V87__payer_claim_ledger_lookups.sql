-- Issue 16, PostgreSQL: three questions every claim submission asks about its ledger are answered from an index
-- instead of reading every row of the ledger (on PostgreSQL 0.5-0.7 s each for a ledger of 20,000 claims, whatever
-- the size of the file): its last record id (MAX(id), the bound of the history read), its latest receipt date
-- (MAX(received_on), for the ledger clock) and the claims of one payer claim number (a correction's original and its
-- reversal). Runs on H2 and PostgreSQL.
CREATE INDEX ix_payer_claim_ledger_id ON payer_claim (username, ledger, id);
CREATE INDEX ix_payer_claim_ledger_received ON payer_claim (username, ledger, received_on);
CREATE INDEX ix_payer_claim_ledger_number ON payer_claim (username, ledger, payer_claim_number);
