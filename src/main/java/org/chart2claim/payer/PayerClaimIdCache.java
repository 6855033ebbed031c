package org.chart2claim.payer;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V80 (embedded H2 only): {@code payer_claim} ids are handed out 1,000 at a time instead of 32.
 * H2 records the end of each handed-out range durably before using it, with a commit of its own; with
 * {@code WRITE_DELAY=0} every such commit writes every changed page, so a 10,000-claim file wrote the open
 * transaction's pages 312 times. Ids stay increasing in the order claims are stored (one range for the whole
 * database) and are never reused after a crash (the range end was already on disk; a crash leaves a gap).
 * PostgreSQL is left as it is: its sequences are cheap per value, and a cache there is per connection, so ids
 * would no longer follow the order claims are stored in, which the history edits rely on.
 */
@Component
public class PayerClaimIdCache implements JavaMigration {
    static final int IDS_PER_RANGE = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("80");
    }

    @Override
    public String getDescription() {
        return "payer claim ids in ranges of " + IDS_PER_RANGE + " (H2)";
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
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE payer_claim ALTER COLUMN id SET CACHE " + IDS_PER_RANGE);
        }
    }
}
