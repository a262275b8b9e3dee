/**
 * The connector SPI: how cmkit talks to platforms without knowing them.
 *
 * <p>A {@link io.cmkit.core.spi.Connector} acts for one brand account and exposes capability
 * interfaces ({@link io.cmkit.core.spi.Publishing}, {@link io.cmkit.core.spi.CommentModeration},
 * {@link io.cmkit.core.spi.MentionFeed}, {@link io.cmkit.core.spi.Metrics},
 * {@link io.cmkit.core.spi.Profiles}, {@link io.cmkit.core.spi.Promotion}); a platform that cannot
 * do something simply lacks that capability. {@link io.cmkit.core.spi.PlatformLimits} says how the
 * platform counts text and how much media it takes. Paginated reads return
 * {@link io.cmkit.core.spi.Page}s whose {@link io.cmkit.core.spi.Cursor} can be stored and resumed.
 * Failures are a typed, checked hierarchy under {@link io.cmkit.core.spi.ConnectorException}.
 *
 * <p>Connectors are found with {@link java.util.ServiceLoader} through
 * {@link io.cmkit.core.spi.ConnectorProvider} and opened by {@link io.cmkit.core.spi.Connectors}
 * from a typed {@link io.cmkit.core.spi.ConnectorConfig}.
 */
package io.cmkit.core.spi;
