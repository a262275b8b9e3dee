package io.cmkit.connectors.sandbox.internal;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.ThreadPosition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The audience of one post: comments, answers between commenters, and quotes, at a rate that
 * follows the post's reaction curve plus what its boosts buy. Recurring spammers flood (the same
 * pitch several times within minutes); trolls often come back for a second round.
 */
final class PostProcess extends EventProcess {

    private final PostState post;

    PostProcess(World world, int order, SplittableRandom rng, PostState post) {
        super(world, order, "post/" + post.ref.platform().id() + "/" + post.id, rng, post.publishedMs);
        this.post = post;
    }

    @Override
    double rate(long tMs) {
        return post.eventRate(tMs);
    }

    @Override
    double bound(long fromMs) {
        return post.eventRateBound(fromMs);
    }

    @Override
    void emit(long tMs, List<Emission> out) {
        AccountState account = post.account;
        boolean quote = rng.nextDouble() < post.quoteShare;
        Locale language = world.languageFor(account, post.language, rng);
        InteractionRecord parent = null;
        if (!quote && !post.answerable.isEmpty() && rng.nextDouble() < 0.18) {
            parent = Seeds.pick(rng, post.answerable);
        }
        TextBank.Context context = quote ? TextBank.Context.QUOTE
                : parent != null ? TextBank.Context.REPLY : TextBank.Context.COMMENT;
        Intent intent = world.pickIntent(context, post.asksQuestion, rng);
        Population.Persona who = world.population(account.account.platform()).pick(intent, language, rng);
        String text = TextBank.compose(context, intent, language, world.slots(account, post, ""), rng);
        if (account.blocks(who) || (parent != null && parent.deleted())) {
            return;
        }
        InteractionRecord record = comment(tMs, who, text, language, intent, quote, parent);
        out.add(emission(record, quote ? account.mentions : post.comments));
        if (!quote) {
            post.answerable.add(record);
        }
        if (who.recurring()) {
            floodAfter(tMs, who, text, language, intent, quote);
        }
    }

    private InteractionRecord comment(long tMs, Population.Persona who, String text, Locale language, Intent intent,
                                      boolean quote, InteractionRecord parent) {
        Interaction.Kind kind;
        ThreadPosition thread;
        if (quote) {
            kind = Interaction.Kind.QUOTE;
            thread = ThreadPosition.standalone();
        } else if (parent != null) {
            kind = Interaction.Kind.REPLY;
            ThreadPosition above = parent.interaction.thread();
            thread = new ThreadPosition(Optional.of(post.rootId), Optional.of(parent.interaction.id()), above.depth() + 1,
                    false);
        } else {
            kind = Interaction.Kind.COMMENT;
            thread = post.depth == 0 ? ThreadPosition.replyToBrandPost(post.id)
                    : new ThreadPosition(Optional.of(post.rootId), Optional.of(post.id), post.depth + 1, true);
        }
        return world.record(post.account, kind, who, text, language, tMs, thread, Optional.of(intent), post, nextSalt());
    }

    /** A recurring spammer repeats the pitch a few times; a troll often comes back once. */
    private void floodAfter(long tMs, Population.Persona who, String text, Locale language, Intent intent, boolean quote) {
        if (quote) {
            return;
        }
        int repeats = who.role() == Population.Role.SPAMMER ? 1 + rng.nextInt(3) : rng.nextInt(10) < 4 ? 1 : 0;
        long at = tMs;
        for (int i = 0; i < repeats; i++) {
            at += who.role() == Population.Role.SPAMMER ? 20_000 + rng.nextInt(240_000) : 60_000 + rng.nextInt(540_000);
            Intent again = who.role() == Population.Role.SPAMMER ? Intent.SPAM
                    : rng.nextBoolean() ? Intent.INSULT : Intent.DEFAMATION;
            String repeat = rng.nextBoolean() && again == intent ? text
                    : TextBank.compose(TextBank.Context.COMMENT, again, language, world.slots(post.account, post, ""), rng);
            schedule(new Repeat(at, who, repeat, language, again));
        }
    }

    /** A scheduled repeat by the same author under the same post. */
    private final class Repeat extends Scheduled {
        private final Population.Persona who;
        private final String text;
        private final Locale language;
        private final Intent intent;

        Repeat(long timeMs, Population.Persona who, String text, Locale language, Intent intent) {
            super(timeMs);
            this.who = who;
            this.text = text;
            this.language = language;
            this.intent = intent;
        }

        @Override
        void fire(World w, EventProcess process, List<Emission> out) {
            if (post.account.blocks(who) || timeMs >= post.deletedMs) {
                return;
            }
            InteractionRecord record = comment(timeMs, who, text, language, intent, false, null);
            out.add(emission(record, post.comments));
            post.answerable.add(record);
        }
    }
}
