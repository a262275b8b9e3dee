package io.cmkit.analytics.aggregate;

import io.cmkit.analytics.kpi.Kpi;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * KPIs per group and period: the stable summary a report renders as tiles, tables and charts.
 *
 * @param zone the brand's time zone the periods are read in
 * @param unit the period length
 * @param kpis the columns, in order
 * @param rows one per group and period, by group then period
 */
public record KpiTable(ZoneId zone, PeriodUnit unit, List<Kpi> kpis, List<KpiRow> rows) {

    public KpiTable {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(unit, "unit");
        kpis = List.copyOf(kpis);
        rows = List.copyOf(rows);
    }

    /** The rows of one group, in period order. */
    public List<KpiRow> rowsOf(GroupKey key) {
        return rows.stream().filter(r -> r.key().equals(key)).toList();
    }
}
