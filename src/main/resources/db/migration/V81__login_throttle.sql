-- Failed logins per account and per client address (the brute-force brake, docs/SECURITY.md), in the database so
-- that every server behind a load balancer counts the same failures. Times are epoch milliseconds (the throttle's
-- clock), so the rule table is exact on H2 and PostgreSQL alike. Rows whose window has passed and that block
-- nothing are deleted as failures come in. Standard SQL for H2 and PostgreSQL.
CREATE TABLE login_throttle (
    throttle_key      VARCHAR(200) PRIMARY KEY,
    failures          INTEGER      NOT NULL,
    last_failure_ms   BIGINT       NOT NULL,
    blocked_until_ms  BIGINT       NOT NULL,
    logged            BOOLEAN      NOT NULL
);

CREATE INDEX ix_login_throttle_last_failure ON login_throttle (last_failure_ms);
