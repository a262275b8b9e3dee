package io.cmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The demo with --store jdbc:postgresql://...")
class DemoOnPostgresTest {

    @Test
    @DisplayName("schedules in PostgreSQL, twice in the same database, and every post it counts is published there")
    void schedulesInPostgres(@TempDir Path first, @TempDir Path second) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            DemoTest.Run one = DemoTest.run("--days", "1", "--seed", "3", "--out", first.toString(), "--store", url);
            assertThat(one.code()).as(one.err()).isZero();
            // Earlier posts stay in the database: a second run must not collide with them.
            DemoTest.Run two = DemoTest.run("--days", "1", "--seed", "3", "--out", second.toString(), "--store", url);
            assertThat(two.code()).as(two.err()).isZero();
            assertThat(two.summary("Résumé de la semaine")).isEqualTo(one.summary("Résumé de la semaine"));

            Map<String, String> summary = one.summary("Résumé de la semaine");
            long counted = Long.parseLong(summary.get("publications publiées")) + Long.parseLong(summary.get("publications du direct"));
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*) FROM cm_schedule_post WHERE state = 'PUBLISHED'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(2 * counted);
            }
            assertThat(first.resolve("schedule-store.mv.db")).doesNotExist();
        }
    }
}
