package org.chart2claim.payer;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V83: {@code payer_claim} ids come from a named sequence, {@code payer_claim_id_seq}, instead of the
 * column's identity, so a submission can draw the ids of a batch before it adjudicates it and store each claim
 * once, with its result ({@link ClaimLedger#newIds}). Inserts that give no id still get the next value (the
 * sequence is the column's default). It starts after the highest stored id, so no stored id is ever handed out
 * again. On H2 the sequence hands out ranges of {@value #IDS_PER_RANGE} (the identity's were 1,000, V80): H2 writes
 * each range's end with a commit of its own, which with {@code WRITE_DELAY=0} stores every changed page of the open
 * transaction, so a 10,000-claim file now does that once instead of ten times; a crash leaves a gap of at most one
 * range, never a reused id. On PostgreSQL it has no cache (a cache there is per connection and would break the id
 * order).
 */
@Component
public class PayerClaimIdSequence implements JavaMigration {
    static final int IDS_PER_RANGE = 10_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("83");
    }

    @Override
    public String getDescription() {
        return "payer claim ids from a named sequence";
    }

    @Override
    public Integer getChecksum() {
        return IDS_PER_RANGE;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres =
                "PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName());
        try (Statement statement = context.getConnection().createStatement()) {
            long start;
            try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM payer_claim")) {
                max.next();
                start = max.getLong(1);
            }
            statement.execute("ALTER TABLE payer_claim ALTER COLUMN id DROP IDENTITY");
            if (postgres) {
                statement.execute("CREATE SEQUENCE payer_claim_id_seq START WITH " + start);
                statement.execute("ALTER SEQUENCE payer_claim_id_seq OWNED BY payer_claim.id");
                statement.execute("ALTER TABLE payer_claim ALTER COLUMN id SET DEFAULT nextval('payer_claim_id_seq')");
            } else {
                statement.execute("CREATE SEQUENCE payer_claim_id_seq START WITH " + start + " CACHE " + IDS_PER_RANGE);
                statement.execute(
                        "ALTER TABLE payer_claim ALTER COLUMN id SET DEFAULT NEXT VALUE FOR payer_claim_id_seq");
            }
        }
    }
}
