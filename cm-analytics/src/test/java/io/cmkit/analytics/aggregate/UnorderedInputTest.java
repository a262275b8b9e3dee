package io.cmkit.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Metric;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnorderedInputTest {

    private static final DateRange JANUARY = DateRange.parse("2026-01");
    private static final long START = LocalDate.of(2026, 1, 1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().toEpochMilli();

    /** Rows (series, time, likes) of three posts read every 10 minutes all January, likes growing. */
    private static List<long[]> rows() {
        List<long[]> rows = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            long likes = 0;
            for (int r = 0; r < 31 * 144; r++) {
                likes += (r * 7 + s) % 5;
                rows.add(new long[] {s, START + r * 600_000L, likes});
            }
        }
        return rows;
    }

    private static AggregateTable aggregate(List<long[]> rows) {
        SnapshotColumns.Builder b = SnapshotColumns.builder(List.of(Metric.LIKES));
        for (int s = 0; s < 3; s++) {
            b.series(SeriesKey.post(AggregatorTest.X, "p" + s));
        }
        for (long[] row : rows) {
            b.add((int) row[0], row[1], row[2]);
        }
        return new Aggregator(AggregatorTest.BRAND).aggregate(b.build(), Set.of(Dimension.POST), PeriodUnit.DAY, JANUARY);
    }

    @Test
    @DisplayName("thousands of shuffled rows per series give the table of the ordered rows")
    void shuffled() {
        List<long[]> ordered = rows();
        List<long[]> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(11));
        AggregateTable expected = aggregate(ordered);
        assertThat(aggregate(shuffled).rows()).isEqualTo(expected.rows());
        assertThat(expected.rows()).allSatisfy(r -> assertThat(r.isEmpty()).isFalse());
    }

    @Test
    @DisplayName("a reading decades before the others (times too far apart to pack) is still sorted into place")
    void farApartTimes() {
        List<long[]> ordered = rows();
        ordered.add(0, new long[] {0, Long.MIN_VALUE / 4, 0});       // a zero reading long before, first in time
        List<long[]> late = new ArrayList<>(ordered.subList(1, ordered.size()));
        late.add(ordered.get(0));                                   // the same reading, last in the input
        assertThat(aggregate(late).rows()).isEqualTo(aggregate(ordered).rows());
    }
}
