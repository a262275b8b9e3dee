package io.cmkit.connectors.sandbox.internal;

import java.util.Comparator;

/**
 * An interaction a process produced while catching up, waiting to be appended to its feed. The
 * world sorts a catch-up's emissions by time, then by process and emission order, so feeds read
 * the same whatever order the processes were advanced in.
 */
record Emission(InteractionRecord record, Feed feed, int processOrder, long index) {

    static final Comparator<Emission> ORDER = Comparator
            .comparing((Emission e) -> e.record().interaction.createdAt())
            .thenComparingInt(Emission::processOrder)
            .thenComparingLong(Emission::index);
}
