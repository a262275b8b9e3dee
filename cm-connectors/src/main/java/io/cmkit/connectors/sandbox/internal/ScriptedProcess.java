package io.cmkit.connectors.sandbox.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Events decided in advance rather than drawn: interactions planted by a test or the demo, and
 * people answering the brand's replies. They wait in the queue until their time comes.
 */
final class ScriptedProcess extends EventProcess {

    ScriptedProcess(World world, int order, String name, SplittableRandom rng, long startMs) {
        super(world, order, name, rng, startMs);
    }

    @Override
    double rate(long tMs) {
        return 0;
    }

    @Override
    double bound(long fromMs) {
        return 0;
    }

    @Override
    void emit(long tMs, List<Emission> out) {
        // Nothing is drawn: every event is scheduled.
    }

    /** A prepared interaction, emitted at its time unless it no longer applies. */
    static final class Prepared extends Scheduled {
        private final InteractionRecord record;
        private final Feed feed;
        private final boolean unlessBlocked;

        Prepared(InteractionRecord record, Feed feed, boolean unlessBlocked) {
            super(record.interaction.createdAt().toEpochMilli());
            this.record = record;
            this.feed = feed;
            this.unlessBlocked = unlessBlocked;
        }

        @Override
        void fire(World world, EventProcess process, List<Emission> out) {
            if (record.post != null && timeMs >= record.post.deletedMs) {
                return;
            }
            if (unlessBlocked && record.post != null && record.post.account.blocks(record.persona)) {
                return;
            }
            if (unlessBlocked && record.post == null && world.accountOf(record.interaction.account()).blocks(record.persona)) {
                return;
            }
            out.add(process.emission(record, feed));
        }
    }
}
