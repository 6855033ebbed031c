-- The payer's view of the medical record (DocumentedEncounter as JSON) is stored with each submitted claim,
-- so a later appeal needs the payer record only. Null for claims that came without documentation.
-- Runs on H2 and PostgreSQL.
ALTER TABLE payer_claim ADD COLUMN documentation_json VARCHAR(200000);
