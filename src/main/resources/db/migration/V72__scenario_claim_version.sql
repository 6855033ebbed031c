-- Issue 12: a claim built from a scenario keeps the scenario version it was made on (the payer's claim number
-- → scenario id and version), so correcting it later uses the same encounter data and key.
CREATE TABLE scenario_claim_version (
    payer_claim_number VARCHAR(40)  PRIMARY KEY,
    scenario_id        VARCHAR(100) NOT NULL,
    scenario_version   INTEGER      NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
