-- Issue 12: publishing is gated by the payer check. Each authored version records what the simulated payer
-- answered to its key ("Paid without denial ...", or what it denied) and, when it was published although the
-- payer denied it, the publisher's reason (the override). Shipped files (source FILE) are not checked: both null.
ALTER TABLE scenario_version ADD COLUMN payer_check VARCHAR(1000);
ALTER TABLE scenario_version ADD COLUMN payer_override VARCHAR(1000);
