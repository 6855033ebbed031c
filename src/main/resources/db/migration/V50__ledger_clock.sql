-- The practice's simulated "today", one per user and ledger (issues 11 and 17): denial deadlines, payer response
-- times, statement cycles and A/R ages follow it. Stored so that every server of a school sees the same date.
-- A ledger without a row is at its latest claim's receipt date. Standard SQL for H2 and PostgreSQL.
CREATE TABLE ledger_clock (
    username   VARCHAR(64)  NOT NULL,
    ledger     VARCHAR(100) NOT NULL,
    today      DATE         NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, ledger)
);
