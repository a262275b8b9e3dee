package io.cmkit.connectors.sandbox.internal;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.ThreadPosition;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * People naming the brand's account in posts of their own, all day long: more in the evening,
 * fewer at night, in the account's languages. Recurring spammers tag the brand in floods.
 */
final class MentionProcess extends EventProcess {

    private final AccountState account;
    private final double perSecond;

    MentionProcess(World world, int order, SplittableRandom rng, AccountState account, long startMs, double perDay) {
        super(world, order, "mentions/" + account.account.key(), rng, startMs);
        this.account = account;
        this.perSecond = perDay / 86_400.0;
    }

    @Override
    double rate(long tMs) {
        ZonedDateTime local = Instant.ofEpochMilli(tMs).atZone(world.zone());
        return perSecond * account.traits.activity(local.getHour(), local.getDayOfWeek());
    }

    @Override
    double bound(long fromMs) {
        return perSecond * account.traits.maxActivity();
    }

    @Override
    void emit(long tMs, List<Emission> out) {
        Locale language = world.languageFor(account, null, rng);
        Intent intent = world.pickIntent(TextBank.Context.MENTION, false, rng);
        Population.Persona who = world.population(account.account.platform()).pick(intent, language, rng);
        String text = TextBank.compose(TextBank.Context.MENTION, intent, language, world.slots(account, null, ""), rng);
        if (account.blocks(who)) {
            return;
        }
        out.add(mention(tMs, who, text, language, intent));
        if (who.recurring() && who.role() == Population.Role.SPAMMER) {
            int repeats = 1 + rng.nextInt(3);
            long at = tMs;
            for (int i = 0; i < repeats; i++) {
                at += 30_000 + rng.nextInt(300_000);
                String again = TextBank.compose(TextBank.Context.MENTION, Intent.SPAM, language,
                        world.slots(account, null, ""), rng);
                schedule(new Scheduled(at) {
                    @Override
                    void fire(World w, EventProcess process, List<Emission> sink) {
                        if (!account.blocks(who)) {
                            sink.add(mention(timeMs, who, again, language, Intent.SPAM));
                        }
                    }
                });
            }
        }
    }

    private Emission mention(long tMs, Population.Persona who, String text, Locale language, Intent intent) {
        InteractionRecord record = world.record(account, Interaction.Kind.MENTION, who, text, language, tMs,
                ThreadPosition.standalone(), Optional.of(intent), null, nextSalt());
        return emission(record, account.mentions);
    }
}
