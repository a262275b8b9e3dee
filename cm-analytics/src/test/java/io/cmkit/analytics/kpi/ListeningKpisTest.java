package io.cmkit.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.analytics.AnalyticsException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListeningKpisTest {

    @Test
    @DisplayName("share of voice: 300 of 300 + 500 + 200 mentions is 0.3")
    void shareOfVoice() {
        assertThat(ListeningKpis.shareOfVoice(300, Map.of("rival-a", 500L, "rival-b", 200L))).isEqualTo(KpiValue.of(0.3));
        assertThat(ListeningKpis.shareOfVoice(0, Map.of())).isEqualTo(
                KpiValue.notAvailable(new Unavailability.NoMention()));
    }

    @Test
    @DisplayName("net sentiment: (60 − 20) / 80 = 0.5, neutral left out")
    void netSentiment() {
        assertThat(ListeningKpis.netSentiment(60, 1_000, 20)).isEqualTo(KpiValue.of(0.5));
        assertThat(ListeningKpis.netSentiment(0, 40, 0)).isEqualTo(KpiValue.notAvailable(new Unavailability.NoPolarMention()));
    }

    @Test
    @DisplayName("negative counts are refused with the competitor's name")
    void negative() {
        assertThatThrownBy(() -> ListeningKpis.shareOfVoice(3, Map.of("rival-a", -1L)))
                .isInstanceOf(AnalyticsException.class)
                .hasMessage("competitorMentions.rival-a must not be negative (got -1)");
    }
}
