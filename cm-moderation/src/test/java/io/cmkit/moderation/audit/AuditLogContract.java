package io.cmkit.moderation.audit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AuditLog} must do. The in-memory log runs it; a JDBC log extends it. */
public abstract class AuditLogContract {

    /** A fresh, empty log. */
    protected abstract AuditLog log();

    private static AuditEntry entry(String key, AuditEntry.Result result) {
        return AuditEntry.of(Instant.EPOCH, "cmkit", key, Optional.of("r"), "HIDE", result, "detail");
    }

    @Test
    @DisplayName("appends are numbered from 1 and read back in order, unchanged")
    void appendRead() {
        AuditLog log = log();
        AuditEntry a = log.append(entry("mastodon:1", AuditEntry.Result.DONE));
        AuditEntry b = log.append(entry("mastodon:2", AuditEntry.Result.FAILED));
        assertThat(a.sequence()).isEqualTo(1);
        assertThat(b.sequence()).isEqualTo(2);
        assertThat(b.detail()).isEqualTo("detail");
        assertThat(log.entries()).containsExactly(a, b);
        assertThat(log.forInteraction("mastodon:2")).containsExactly(b);
    }

    @Test
    @DisplayName("the numbers given before appending are ignored: the log numbers")
    void numbersItself() {
        AuditLog log = log();
        AuditEntry stored = log.append(entry("k", AuditEntry.Result.DONE).numbered(99));
        assertThat(stored.sequence()).isEqualTo(1);
    }
}
