package io.cmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmkit.connectors.bluesky.pds.BlueskyPds;
import io.cmkit.connectors.bluesky.pds.BlueskyPdsExtension;
import io.cmkit.connectors.bluesky.pds.TestAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's {@code --bluesky} against a real PDS on loopback (cm-connectors' test harness: node
 * and npm on the PATH, else skipped with the reason, failed with {@code CI=true}).
 */
@ExtendWith(BlueskyPdsExtension.class)
@DisplayName("The demo with --bluesky")
class DemoOnRealBlueskyTest {

    @Test
    @DisplayName("publishes the day's Bluesky posts, the live launch's thread included, to the real PDS")
    void publishesToTheRealPds(BlueskyPds pds, @TempDir Path folder) throws Exception {
        TestAccount brand = pds.brand();
        int before = postsOf(pds, brand.handle());

        DemoTest.Run run = DemoTest.run("--days", "1", "--out", folder.toString(),
                "--bluesky", pds.baseUrl().toString(), brand.handle(), brand.password());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Bluesky : publication sur le vrai serveur " + pds.baseUrl())
                .doesNotContain(brand.password());
        // Day 1 holds the live launch (five cues on each live account) and the calendar's entries.
        long calendarBluesky = Files.readAllLines(folder.resolve("calendar.csv")).stream()
                .filter(l -> l.matches("^\\d{4}-\\d{2}-\\d{2},.*") && l.split(",")[4].equals("bluesky")).count();
        assertThat(postsOf(pds, brand.handle()) - before).as(run.out() + run.err()).isEqualTo(calendarBluesky + 5);
        assertThat(Long.parseLong(run.summary("Résumé de la semaine").get("publications du direct"))).isEqualTo(10);
    }

    /** How many posts the account's repository holds (com.atproto.repo.listRecords, up to 100). */
    private static int postsOf(BlueskyPds pds, String handle) throws IOException, InterruptedException {
        URI uri = URI.create(pds.xrpc("com.atproto.repo.listRecords") + "?repo=" + handle
                + "&collection=app.bsky.feed.post&limit=100");
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("records").size();
    }
}
