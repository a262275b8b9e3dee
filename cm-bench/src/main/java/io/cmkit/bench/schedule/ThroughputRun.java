package io.cmkit.bench.schedule;

import java.time.Duration;
import java.util.Map;

/**
 * One timed run of one system: {@code items} units of work due at once, executed by
 * {@code instances} scheduler instances on one database. {@link #prepare()} and
 * {@link #executions()} are not timed; {@link #execute(Duration)} is.
 */
public interface ThroughputRun extends AutoCloseable {

    /** Which system: {@code cmkit} or {@code db-scheduler}. */
    String system();

    /** Creates the tables, schedules every item due now, and builds the instances (not started). */
    void prepare();

    /**
     * Starts every instance and returns once every item has been executed and recorded as done
     * (cmkit: PUBLISHED in the store; db-scheduler: the execution removed from its table).
     *
     * @return the number of items done
     * @throws IllegalStateException when an item failed, or the run did not finish in {@code timeout}
     */
    int execute(Duration timeout);

    /**
     * How many times each item was executed, by item name ({@code p0}, {@code p1}...), after
     * checking the database agrees that every item is done.
     */
    Map<String, Integer> executions();

    /** Stops the instances, closes connections, drops the database. */
    @Override
    void close();
}
