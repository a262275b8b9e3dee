package io.cmkit.moderation.jdbc.internal;

import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.jdbc.StoreSchema;
import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.jdbc.JdbcAuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link JdbcAuditLog}: an append is one transaction that takes the next number and inserts. */
public final class DefaultJdbcAuditLog implements JdbcAuditLog {

    /** The log's versioned scripts, component {@code moderation-audit}; version 2 differs per database. */
    public static final StoreSchema SCHEMA = new StoreSchema("moderation-audit", DefaultJdbcAuditLog.class, List.of(
            new StoreSchema.Migration(1, "audit entries", "/io/cmkit/moderation/jdbc/db/V1__audit.sql"),
            new StoreSchema.Migration(2, "append-only guard", "/io/cmkit/moderation/jdbc/db/V2__audit_append_only_${dialect}.sql")));

    private static final String COLUMNS = "sequence, at_nanos, actor, interaction_key, rule, action, result, detail";

    private final StoreDatabase db;
    private final int schemaVersion;
    private final String entries;
    private final String head;

    private DefaultJdbcAuditLog(StoreDatabase db, int schemaVersion, String prefix) {
        this.db = db;
        this.schemaVersion = schemaVersion;
        this.entries = prefix + "audit_entry";
        this.head = prefix + "audit_head";
    }

    public static DefaultJdbcAuditLog open(StoreDatabase db, JdbcStoreConfig config) {
        return new DefaultJdbcAuditLog(db, db.migrate(SCHEMA, config), config.tablePrefix());
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String toString() {
        return "JdbcAuditLog[" + db.dialect() + ", " + db.redactedUrl() + ", schema version " + schemaVersion + "]";
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return db.inTransaction("append an audit entry on " + entry.interactionKey(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + head + " SET last_sequence = last_sequence + 1 WHERE id = 1")) {
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("the audit log's counter row is missing from " + head);
                }
            }
            long sequence;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM " + head + " WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                sequence = rs.getLong(1);
            }
            AuditEntry numbered = entry.numbered(sequence);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + entries + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, sequence);
                ps.setLong(2, Nanos.of(numbered.at()));
                ps.setString(3, numbered.actor());
                ps.setString(4, numbered.interactionKey());
                if (numbered.rule().isPresent()) {
                    ps.setString(5, numbered.rule().get());
                } else {
                    ps.setNull(5, Types.VARCHAR);
                }
                ps.setString(6, numbered.action());
                ps.setString(7, numbered.result().name());
                ps.setString(8, numbered.detail());
                ps.executeUpdate();
            }
            return numbered;
        });
    }

    @Override
    public List<AuditEntry> entries() {
        return db.inTransaction("read the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + entries + " ORDER BY sequence")) {
                return read(ps);
            }
        });
    }

    @Override
    public List<AuditEntry> forInteraction(String interactionKey) {
        Objects.requireNonNull(interactionKey, "interactionKey");
        return db.inTransaction("read the audit log of " + interactionKey, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + entries
                    + " WHERE interaction_key = ? ORDER BY sequence")) {
                ps.setString(1, interactionKey);
                return read(ps);
            }
        });
    }

    private static List<AuditEntry> read(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), Nanos.instant(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        Optional.ofNullable(rs.getString(5)), rs.getString(6), AuditEntry.Result.valueOf(rs.getString(7)),
                        rs.getString(8)));
            }
        }
        return out;
    }
}
