package io.cmkit.examples.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.listening.alert.Alert;
import io.cmkit.listening.alert.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The inbox and listening example")
class InboxListeningTest {

    @Test
    @DisplayName("tags the sandbox's mentions, scores their sentiment, and raises the bad buzz it planted")
    void run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InboxListening.Summary s = InboxListening.run(7, 5, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(out);

        assertThat(s.polls()).isEqualTo(120);
        // No comments are watched: everything collected is a mention, and every one names the account.
        assertThat(s.tagged()).isPositive().isEqualTo(s.collected());
        assertThat(s.byIntent().values()).allSatisfy(r -> assertThat(r.matched()).isEqualTo(r.mentions()));

        // The planted bad buzz is alerted in its first or second hour, and nothing before it.
        Alert badBuzz = s.firstBadBuzz().orElseThrow();
        assertThat(badBuzz.spike().bucketStart()).isBetween(s.buzzStart(), s.buzzStart().plus(Duration.ofHours(1)));
        assertThat(s.alerts()).allSatisfy(a -> assertThat(a.spike().bucketStart()).isAfterOrEqualTo(s.buzzStart()));
        assertThat(badBuzz.evidence().topTerms()).extracting(Evidence.TermCount::term).contains("#boycottcafelumiere");

        // Sentiment against what the sandbox's authors meant (seed 7: 177 of 217 praises positive,
        // 170 of 272 critiques, insults and accusations negative); floors a little under.
        InboxListening.Row praise = s.byIntent().get(Intent.POSITIVE);
        assertThat((double) praise.positive() / praise.mentions()).isGreaterThanOrEqualTo(0.75);
        int hostile = 0;
        int hostileNegative = 0;
        for (Intent intent : List.of(Intent.CRITIQUE, Intent.INSULT, Intent.DEFAMATION)) {
            hostile += s.byIntent().get(intent).mentions();
            hostileNegative += s.byIntent().get(intent).negative();
        }
        assertThat((double) hostileNegative / hostile).isGreaterThanOrEqualTo(0.55);
        assertThat(out).contains("simulated days (seed 7)", "BAD_BUZZ brand:cafe-lumiere:negative", "bad-buzz evidence");
    }
}
