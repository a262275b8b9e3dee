package io.cmkit.core.live;

import io.cmkit.core.live.internal.Hashtags;
import io.cmkit.core.live.internal.Questions;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.spi.PostRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers the audience's questions during a live event from a stream of {@link Interaction}s.
 *
 * <p>An interaction is collected when all of these hold:
 * <ol>
 *   <li>it was not written by one of the event's own accounts (the brand's cue "any questions?
 *       #tag" comes back through mention feeds): same platform and handle, ignoring case, or the
 *       handle without its {@code @domain} when the author's handle has none (a local account on
 *       a Mastodon instance);</li>
 *   <li>it is about the event: it carries one of the event's hashtags (as a whole word, with or
 *       without '#', ignoring case and accents: {@code #CafeLumièreLive}, {@code #cafelumierelive}
 *       and {@code cafelumierelive} all match), or it replies to one of the event's published posts
 *       (its thread's root or parent is a post given to {@link #trackPublished(PostRef)}, on the
 *       same platform);</li>
 *   <li>it was written within the event's {@link QuestionWindow};</li>
 *   <li>it looks like a question: it holds {@code ?}, {@code ¿} or {@code ？}, or its first word
 *       (after leading mentions and hashtags) opens a question in French or English: qui, quoi,
 *       quand, comment, pourquoi, combien, où, quel, est-ce que... / who, what, when, where, why,
 *       how, which, can, could, is, are, do, does...;</li>
 *   <li>it was not collected already: interactions are de-duplicated by {@link Interaction#key()},
 *       the first one offered is kept.</li>
 * </ol>
 *
 * <p>Thread-safe: one thread may {@link #offer(Interaction)} while others list questions and mark
 * them answered. Listings are snapshots.
 */
public final class QuestionCollector {

    /** What became of an offered interaction. */
    public enum Outcome {
        /** It was collected as a question. */
        COLLECTED,
        /** An interaction with the same key was collected before; nothing changed. */
        DUPLICATE,
        /** It was written by one of the event's own accounts. */
        FROM_THE_EVENT_ACCOUNTS,
        /** It neither carries the event's hashtag nor replies to its posts. */
        NOT_ABOUT_THE_EVENT,
        /** It was written outside the event's question window. */
        OUTSIDE_WINDOW,
        /** It does not look like a question. */
        NOT_A_QUESTION
    }

    private final LiveEvent event;
    private final QuestionWindow window;
    private final Clock clock;
    private final Set<String> foldedHashtags;
    private final Object lock = new Object();
    private final Set<String> publishedKeys = new HashSet<>();
    private final Map<String, Question> questions = new LinkedHashMap<>();

    /** A collector with the {@linkplain QuestionWindow#DEFAULT default window}. */
    public QuestionCollector(LiveEvent event, Clock clock) {
        this(event, QuestionWindow.DEFAULT, clock);
    }

    /**
     * @param event the event whose questions to gather
     * @param window how long before the start and after the expected end questions count
     * @param clock what "now" is, for the time a question is marked answered
     */
    public QuestionCollector(LiveEvent event, QuestionWindow window, Clock clock) {
        this.event = Objects.requireNonNull(event, "event");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        Set<String> tags = new HashSet<>();
        event.hashtags().forEach(t -> tags.add(Hashtags.fold(t)));
        this.foldedHashtags = Set.copyOf(tags);
    }

    /** The event. */
    public LiveEvent event() {
        return event;
    }

    /** Registers one of the event's published posts: replies to it, or in its thread, are about the event. */
    public void trackPublished(PostRef ref) {
        Objects.requireNonNull(ref, "ref");
        synchronized (lock) {
            publishedKeys.add(ref.platform().id() + ":" + ref.id());
        }
    }

    /** Offers an interaction; it is collected if it is a question about the event (see the class). */
    public Outcome offer(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        EnumSet<Question.Match> matches = EnumSet.noneOf(Question.Match.class);
        if (!foldedHashtags.isEmpty()
                && Hashtags.foldedWords(interaction.text()).stream().anyMatch(foldedHashtags::contains)) {
            matches.add(Question.Match.HASHTAG);
        }
        synchronized (lock) {
            if (questions.containsKey(interaction.key())) {
                return Outcome.DUPLICATE;
            }
            if (fromEventAccount(interaction)) {
                return Outcome.FROM_THE_EVENT_ACCOUNTS;
            }
            if (repliesToEvent(interaction)) {
                matches.add(Question.Match.REPLY);
            }
            if (matches.isEmpty()) {
                return Outcome.NOT_ABOUT_THE_EVENT;
            }
            if (!window.contains(event, interaction.createdAt())) {
                return Outcome.OUTSIDE_WINDOW;
            }
            if (!Questions.looksLikeQuestion(interaction.text())) {
                return Outcome.NOT_A_QUESTION;
            }
            questions.put(interaction.key(), new Question(interaction, matches, Optional.empty()));
            return Outcome.COLLECTED;
        }
    }

    /** Offers several interactions; returns how many were collected. */
    public int offerAll(Iterable<Interaction> interactions) {
        int collected = 0;
        for (Interaction interaction : interactions) {
            if (offer(interaction) == Outcome.COLLECTED) {
                collected++;
            }
        }
        return collected;
    }

    /**
     * Marks a question answered, now on the clock.
     *
     * @return {@code false} when no question has that key or it was already answered
     */
    public boolean markAnswered(String interactionKey) {
        Instant now = clock.instant();
        synchronized (lock) {
            Question q = questions.get(interactionKey);
            if (q == null || q.isAnswered()) {
                return false;
            }
            questions.put(interactionKey, q.answered(now));
            return true;
        }
    }

    /** The question with that interaction key, if collected. */
    public Optional<Question> question(String interactionKey) {
        synchronized (lock) {
            return Optional.ofNullable(questions.get(interactionKey));
        }
    }

    /** Every question collected, in an order. */
    public List<Question> questions(QuestionOrder order) {
        return order.sort(snapshot());
    }

    /** The questions not yet answered, in an order. */
    public List<Question> unanswered(QuestionOrder order) {
        return order.sort(snapshot().stream().filter(q -> !q.isAnswered()).toList());
    }

    /** How many questions were collected. */
    public int size() {
        synchronized (lock) {
            return questions.size();
        }
    }

    /** Whether now, on the clock, is within the event's question window. */
    public boolean isOpen() {
        return window.contains(event, clock.instant());
    }

    private List<Question> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(questions.values());
        }
    }

    private boolean fromEventAccount(Interaction interaction) {
        String author = interaction.author().handle().toLowerCase(Locale.ROOT);
        for (Account account : event.accountsOn(interaction.platform())) {
            String handle = account.handle().toLowerCase(Locale.ROOT);
            int at = handle.indexOf('@');
            if (author.equals(handle) || (author.indexOf('@') < 0 && at > 0 && author.equals(handle.substring(0, at)))) {
                return true;
            }
        }
        return false;
    }

    private boolean repliesToEvent(Interaction interaction) {
        String platform = interaction.platform().id() + ":";
        return interaction.thread().rootId().map(id -> publishedKeys.contains(platform + id)).orElse(false)
                || interaction.thread().parentId().map(id -> publishedKeys.contains(platform + id)).orElse(false);
    }
}
