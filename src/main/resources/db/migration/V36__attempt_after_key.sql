-- Issue 16: the first graded attempt of a scenario is the one that counts; later attempts were made after
-- the feedback showed the key. Existing attempts are marked by the same rule.
ALTER TABLE coding_attempt ADD COLUMN after_key BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE coding_attempt SET after_key = TRUE
WHERE status = 'SUBMITTED'
  AND EXISTS (
    SELECT 1 FROM coding_attempt earlier
    WHERE earlier.username = coding_attempt.username
      AND earlier.scenario_id = coding_attempt.scenario_id
      AND earlier.status = 'SUBMITTED'
      AND (earlier.submitted_at < coding_attempt.submitted_at
           OR (earlier.submitted_at = coding_attempt.submitted_at AND earlier.id < coding_attempt.id)));
