package io.cmkit.bench.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The H2 row-write report times each design's writes only once every item has ended")
class H2RowWriteReportTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(H2RowWriteReport.Design.class)
    @DisplayName("120 items (two full batches and a part): every item ends, and the writes took some CPU")
    void everyItemEnds(H2RowWriteReport.Design design) throws SQLException {
        // microsPerItem throws unless every post is PUBLISHED and every publication PUBLISHED (or every task removed).
        assertThat(H2RowWriteReport.microsPerItem(design, 120)).isPositive();
    }
}
