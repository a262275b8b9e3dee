package io.cmkit.analytics.report;

/** The report's tables, each written as its own CSV file by {@link ReportRenderer#csv}. */
public enum ReportTable {
    KPIS("kpis"),
    OBJECTIVES("objectives"),
    ENGAGEMENT("engagement"),
    PILLAR_MIX("pillar-mix"),
    BEST_TIMES("best-times"),
    TOP_POSTS("top-posts"),
    BOTTOM_POSTS("bottom-posts"),
    SENTIMENT("sentiment"),
    MODERATION("moderation");

    private final String fileStem;

    ReportTable(String fileStem) {
        this.fileStem = fileStem;
    }

    /** The CSV file name {@link ReportRenderer#csv(ClientReport, java.nio.file.Path)} writes it to. */
    public String fileName() {
        return fileStem + ".csv";
    }
}
