-- The history index of the payer ledgers: one row per service line of a processed claim, so the duplicate
-- and deductible edits ask "same member, date and code?" and "deductible met this year?" with an indexed
-- query instead of re-reading every stored claim of the ledger. Rows stored before this index existed are
-- indexed on the ledger's next submission (history_indexed = FALSE). Standard SQL for H2 and PostgreSQL.
CREATE TABLE payer_claim_line (
    claim_id               BIGINT        NOT NULL REFERENCES payer_claim (id),
    line_number            INTEGER       NOT NULL,
    username               VARCHAR(64)   NOT NULL,
    ledger                 VARCHAR(100)  NOT NULL,
    member_key             VARCHAR(80)   NOT NULL,
    billing_npi            VARCHAR(80)   NOT NULL,
    service_year           INTEGER,
    service_date           DATE,
    code                   VARCHAR(100)  NOT NULL,
    modifiers              VARCHAR(4000) NOT NULL,
    units                  INTEGER       NOT NULL,
    deductible             NUMERIC(14, 2) NOT NULL,
    payer_claim_number     VARCHAR(20),
    patient_control_number VARCHAR(40),
    PRIMARY KEY (claim_id, line_number)
);

CREATE INDEX ix_payer_claim_line_service ON payer_claim_line (username, ledger, member_key, service_date, code);
CREATE INDEX ix_payer_claim_line_deductible ON payer_claim_line (username, ledger, member_key, service_year);

ALTER TABLE payer_claim ADD COLUMN history_indexed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_payer_claim_unindexed ON payer_claim (username, ledger, history_indexed);
