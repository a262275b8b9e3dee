package io.cmkit.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A store's versioned schema")
class StoreSchemaTest {

    @Test
    @DisplayName("migration scripts split into statements at a ';' ending a line, comments dropped")
    void statements() {
        assertThat(SchemaMigrator.statements("-- a comment\nCREATE TABLE a (\n  x INT -- inline\n);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (\n  x INT -- inline\n)", "CREATE INDEX i ON a (x)");
    }

    @Test
    @DisplayName("versions must run 1, 2, 3... and the error names the schema and the position")
    void versionsInOrder() {
        assertThatThrownBy(() -> new StoreSchema("audit", StoreSchemaTest.class, List.of(
                new StoreSchema.Migration(1, "a", "/a.sql"), new StoreSchema.Migration(3, "b", "/b.sql"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema audit: migration 2 has version 3; versions must be 1, 2, 3... in order");
    }

    @Test
    @DisplayName("a component name is lower-case, and a script path is absolute")
    void names() {
        assertThatThrownBy(() -> new StoreSchema("Audit Log", StoreSchemaTest.class,
                List.of(new StoreSchema.Migration(1, "a", "/a.sql"))))
                .hasMessageContaining("component must be").hasMessageContaining("'Audit Log'");
        assertThatThrownBy(() -> new StoreSchema.Migration(1, "a", "db/a.sql"))
                .hasMessageContaining("absolute path").hasMessageContaining("'db/a.sql'");
        assertThat(new StoreSchema("audit", StoreSchemaTest.class,
                List.of(new StoreSchema.Migration(1, "a", "/a.sql"))).latest()).isEqualTo(1);
    }

    @Test
    @DisplayName("a script path with ${dialect} names one script per database")
    void perDialect() {
        StoreSchema.Migration m = new StoreSchema.Migration(2, "guard", "/db/V2__guard_${dialect}.sql");
        assertThat(m.resourceFor(Dialect.H2)).isEqualTo("/db/V2__guard_h2.sql");
        assertThat(m.resourceFor(Dialect.POSTGRESQL)).isEqualTo("/db/V2__guard_postgresql.sql");
    }
}
