-- Attempts belong to a context: free practice, or one exam sitting ('exam:<sitting id>'), so an assessment
-- can store several attempts of one scenario. Existing attempts are practice. Runs on H2 and PostgreSQL.
ALTER TABLE coding_attempt ADD COLUMN context VARCHAR(100) DEFAULT 'practice' NOT NULL;

CREATE INDEX ix_coding_attempt_user_context ON coding_attempt (username, context, scenario_id);
