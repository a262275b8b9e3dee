package io.cmkit.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTTP foundation benchmarks compare like with like")
class HttpBenchmarksTest {

    @Test
    @DisplayName("cmkit and the plain JDK client read the same status from the GET and the POST the overhead benchmark times")
    void bothClientsReadTheSameStatus() throws Exception {
        try (HttpOverhead clients = new HttpOverhead()) {
            clients.requireIdenticalResults();
            Status read = clients.cmkitGet();
            assertThat(read).isEqualTo(clients.plainGet());
            assertThat(read.id()).isEqualTo("109876543210");
            assertThat(read.favouritesCount()).isEqualTo(57);
            assertThat(read.content()).contains("collection");
            assertThat(clients.cmkitPost()).isEqualTo(clients.plainPost())
                    .extracting(Status::id).isEqualTo("109876543211");
        }
    }

    @Test
    @DisplayName("600 requests over two windows of 300: cmkit gets no 429 and every request succeeds exactly once")
    void cmkitStaysWithinTheWindow() throws Exception {
        try (RateLimitedServer server = new RateLimitedServer(300, 500)) {
            RateLimitRun.Result r = RateLimitRun.run("cmkit", server, 600);
            assertThat(r.received429()).isZero();
            assertThat(r.failed()).isZero();
            assertThat(r.sent()).isEqualTo(600);
            assertThat(r.succeededOnce()).isEqualTo(600);
            for (int n = 0; n < 600; n++) {
                assertThat(server.served(n)).as("request %d answered 200", n).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("the stub enforces its window: a client ignoring the headers gets 429s for what exceeds it")
    void theStubEnforcesItsWindow() throws Exception {
        try (RateLimitedServer server = new RateLimitedServer(50, 60_000)) {
            RateLimitRun.Result r = RateLimitRun.run("plain", server, 80);
            assertThat(r.received429()).isEqualTo(30);
            assertThat(r.failed()).isEqualTo(30);
            assertThat(r.succeededOnce()).isEqualTo(50);
        }
    }
}
