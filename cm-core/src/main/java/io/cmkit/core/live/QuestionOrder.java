package io.cmkit.core.live;

import io.cmkit.core.model.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How to order questions. Every order is total, so the same questions always come in the same order:
 * <ul>
 *   <li>{@link #byTime()}: oldest first; same instant, by interaction key.</li>
 *   <li>{@link #byEngagement(ToDoubleFunction)}: highest score first; same score, oldest first;
 *       same instant, by interaction key. Each question's score is read once per listing, so a
 *       score that changes meanwhile (likes counted by a poller) cannot upset the sort.</li>
 * </ul>
 */
public final class QuestionOrder {

    private static final Comparator<Question> BY_TIME =
            Comparator.comparing(Question::askedAt).thenComparing(Question::key);

    private final ToDoubleFunction<Interaction> score;

    private QuestionOrder(ToDoubleFunction<Interaction> score) {
        this.score = score;
    }

    /** Oldest first. */
    public static QuestionOrder byTime() {
        return new QuestionOrder(null);
    }

    /**
     * Most engaging first, by a score the host computes (likes, likes plus twice the replies...).
     * A score that is not a number counts as 0.
     */
    public static QuestionOrder byEngagement(ToDoubleFunction<Interaction> score) {
        return new QuestionOrder(Objects.requireNonNull(score, "score"));
    }

    /**
     * Most engaging first, by a number per interaction key ({@link Interaction#key()}), e.g. likes;
     * an interaction the map does not hold scores 0.
     */
    public static QuestionOrder byEngagement(Map<String, ? extends Number> scoreByKey) {
        Objects.requireNonNull(scoreByKey, "scoreByKey");
        return byEngagement(i -> {
            Number n = scoreByKey.get(i.key());
            return n == null ? 0 : n.doubleValue();
        });
    }

    List<Question> sort(List<Question> questions) {
        List<Question> out = new ArrayList<>(questions);
        if (score == null) {
            out.sort(BY_TIME);
            return out;
        }
        Map<String, Double> scores = new HashMap<>();
        for (Question q : out) {
            double s = score.applyAsDouble(q.interaction());
            scores.put(q.key(), Double.isNaN(s) ? 0 : s);
        }
        out.sort(Comparator.<Question>comparingDouble(q -> scores.get(q.key())).reversed().thenComparing(BY_TIME));
        return out;
    }

    @Override
    public String toString() {
        return score == null ? "by time" : "by engagement";
    }
}
