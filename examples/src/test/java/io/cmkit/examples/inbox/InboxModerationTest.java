package io.cmkit.examples.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.connectors.sandbox.Intent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The inbox and moderation example")
class InboxModerationTest {

    @Test
    @DisplayName("every collected comment is decided and audited once, and prints what moderation did per intent")
    void run() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InboxModeration.Summary s = InboxModeration.run(7, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(out);

        assertThat(s.polls()).isEqualTo(48);
        assertThat(s.decisions()).isPositive().isLessThanOrEqualTo(s.collected());
        assertThat(s.audited()).isEqualTo(s.decisions());
        assertThat(s.byIntent().values().stream().mapToInt(InboxModeration.Row::comments).sum()).isEqualTo(s.decisions());
        assertThat(out).contains("simulated days (seed 7)", "intent", "comments", "removed");
    }
}
