package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final ReportText fr = new ReportText(Locale.FRANCE, EUR);
    private final ReportText en = new ReportText(Locale.ENGLISH, EUR);

    @Test
    @DisplayName("French: '12 345,6', '+3,4 %', '26 nov. 2026', narrow no-break space between digit groups")
    void french() {
        assertThat(fr.decimal(12_345.6, 1)).isEqualTo("12\u202f345,6");
        assertThat(fr.signedPercent(0.034)).isEqualTo("+3,4\u00a0%");
        assertThat(fr.signedPercent(-0.12)).isEqualTo("-12,0\u00a0%");
        assertThat(fr.signedPercent(0.00001)).isEqualTo("0,0\u00a0%");
        assertThat(fr.date(LocalDate.of(2026, 11, 26))).isEqualTo("26 nov. 2026");
        assertThat(fr.money(1234.5)).isEqualTo("1\u202f234,50\u00a0€");
        assertThat(fr.value(Unit.MINUTES, 42.5)).isEqualTo("42,5 min");
        assertThat(fr.value(Unit.COUNT, OptionalDouble.empty())).isEqualTo("n.d.");
        assertThat(fr.weekday(DayOfWeek.TUESDAY)).isEqualTo("mar.");
        assertThat(fr.label("empty.noObjectives")).isEqualTo("Aucun objectif défini.");
    }

    @Test
    @DisplayName("English: '12,345.6', '+3.4%', 'Nov 26, 2026'")
    void english() {
        assertThat(en.decimal(12_345.6, 1)).isEqualTo("12,345.6");
        assertThat(en.signedPercent(0.034)).isEqualTo("+3.4%");
        assertThat(en.date(LocalDate.of(2026, 11, 26))).isEqualTo("Nov 26, 2026");
        assertThat(en.money(1234.5)).isEqualTo("€1,234.50");
        assertThat(en.value(Unit.COUNT, OptionalDouble.empty())).isEqualTo("n/a");
        assertThat(en.label("report.period", "a", "b")).isEqualTo("Period: a to b");
        assertThat(en.label("empty.noObjectives")).isEqualTo("No objectives set.");
    }

    @Test
    @DisplayName("an English report stays English on a JVM whose default locale is French")
    void noFallbackToDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertThat(new ReportText(Locale.ENGLISH, EUR).label("section.kpis")).isEqualTo("Key figures");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
