package io.cmkit.connectors.sandbox.internal;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.ThreadPosition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A planted bad buzz: a burst of negative mentions (complaints, accusations, insults, people
 * relaying the story with its keyword) that rises quickly to its peak rate and fades out by its
 * end; about a third land as comments under the brand's latest post. It also costs followers.
 */
final class BuzzProcess extends EventProcess {

    /** Where the rate peaks, as a share of the duration. */
    static final double PEAK_AT = 0.15;

    private final AccountState account;
    private final String keyword;
    final long startMs;
    final long endMs;
    private final double peakPerSecond;
    /** Followers lost over the whole buzz. */
    final double followerLoss;

    BuzzProcess(World world, int order, SplittableRandom rng, AccountState account, String keyword, long startMs,
                long endMs, double peakPerHour, double followerLoss) {
        super(world, order, "buzz/" + account.account.key() + "/" + account.buzzes.size(), rng, startMs);
        this.account = account;
        this.keyword = keyword;
        this.startMs = startMs;
        this.endMs = endMs;
        this.peakPerSecond = peakPerHour / 3_600.0;
        this.followerLoss = followerLoss;
    }

    @Override
    double rate(long tMs) {
        return peakPerSecond * shape(tMs);
    }

    @Override
    double bound(long fromMs) {
        return fromMs < endMs ? peakPerSecond : 0;
    }

    private double shape(long tMs) {
        if (tMs < startMs || tMs >= endMs) {
            return 0;
        }
        double x = (double) (tMs - startMs) / (endMs - startMs);
        return x < PEAK_AT ? x / PEAK_AT : (1 - x) / (1 - PEAK_AT);
    }

    /** The share of the buzz that has happened by t, in [0, 1]. */
    double progress(long tMs) {
        if (tMs <= startMs) {
            return 0;
        }
        if (tMs >= endMs) {
            return 1;
        }
        double x = (double) (tMs - startMs) / (endMs - startMs);
        double area = x < PEAK_AT ? x * x / (2 * PEAK_AT)
                : PEAK_AT / 2 + ((x - PEAK_AT) - (x * x - PEAK_AT * PEAK_AT) / 2) / (1 - PEAK_AT);
        return Math.min(1.0, area / 0.5);
    }

    @Override
    void emit(long tMs, List<Emission> out) {
        Locale language = world.languageFor(account, null, rng);
        double u = rng.nextDouble();
        Intent intent = u < 0.35 ? Intent.CRITIQUE : u < 0.6 ? Intent.DEFAMATION : u < 0.8 ? Intent.INSULT : Intent.NEUTRAL;
        Population.Persona who = world.population(account.account.platform()).pick(intent, language, rng);
        boolean asComment = rng.nextInt(3) == 0;
        PostState target = asComment ? account.latestPostAt(tMs) : null;
        TextBank.Context context = TextBank.Context.BUZZ;
        String text = TextBank.compose(context, intent, language, world.slots(account, target, keyword), rng);
        if (account.blocks(who)) {
            return;
        }
        InteractionRecord record;
        if (target != null) {
            ThreadPosition thread = target.depth == 0 ? ThreadPosition.replyToBrandPost(target.id)
                    : new ThreadPosition(Optional.of(target.rootId), Optional.of(target.id), target.depth + 1, true);
            record = world.record(account, Interaction.Kind.COMMENT, who, text, language, tMs, thread,
                    Optional.of(intent), target, nextSalt());
            out.add(emission(record, target.comments));
        } else {
            record = world.record(account, Interaction.Kind.MENTION, who, text, language, tMs,
                    ThreadPosition.standalone(), Optional.of(intent), null, nextSalt());
            out.add(emission(record, account.mentions));
        }
    }
}
