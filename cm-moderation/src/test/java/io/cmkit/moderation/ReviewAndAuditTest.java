package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.review.ReviewItem;
import io.cmkit.moderation.review.ReviewQueue;
import io.cmkit.moderation.review.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.cmkit.moderation.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The review queue and the audit log")
class ReviewAndAuditTest {

    private final Comments.TestClock clock = new Comments.TestClock();
    private final ModerationEngine engine = Comments.engineFor(Condition.category("insult"), clock);

    private ReviewItem submit(ReviewQueue queue, String text) {
        Interaction i = comment(text).build();
        return queue.submit(i, engine.decide(i));
    }

    @Nested
    @DisplayName("review queue")
    class Queue {
        @Test
        @DisplayName("flagged items keep their explanation and are claimed oldest first, one moderator at a time")
        void claim() {
            ReviewQueue queue = ReviewQueue.inMemory(clock);
            ReviewItem first = submit(queue, "idiot");
            clock.advance(Duration.ofSeconds(1));
            ReviewItem second = submit(queue, "connard");
            assertThat(first.decision().rule()).contains("r");
            assertThat(first.decision().evidence()).extracting(Evidence::text).containsExactly("idiot");

            ReviewItem alice = queue.claim("alice", Duration.ofMinutes(5)).orElseThrow();
            ReviewItem bob = queue.claim("bob", Duration.ofMinutes(5)).orElseThrow();
            assertThat(alice.id()).isEqualTo(first.id());
            assertThat(bob.id()).isEqualTo(second.id());
            assertThat(queue.claim("carol", Duration.ofMinutes(5))).isEmpty();
        }

        @Test
        @DisplayName("an expired lease frees the item; the old token can no longer resolve it")
        void lease() {
            ReviewQueue queue = ReviewQueue.inMemory(clock);
            submit(queue, "idiot");
            ReviewItem alice = queue.claim("alice", Duration.ofMinutes(5)).orElseThrow();
            clock.advance(Duration.ofMinutes(6));
            ReviewItem bob = queue.claim("bob", Duration.ofMinutes(5)).orElseThrow();
            assertThat(bob.id()).isEqualTo(alice.id());
            assertThatThrownBy(() -> queue.resolve(alice, Verdict.REMOVE, "late"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not claimed with this token");
            assertThat(queue.resolve(bob, Verdict.APPROVE, "fine").resolution()).map(ReviewItem.Resolution::moderator).contains("bob");
        }

        @Test
        @DisplayName("a resolved item cannot be resolved again and leaves the pending list")
        void resolvedOnce() {
            ReviewQueue queue = ReviewQueue.inMemory(clock);
            submit(queue, "idiot");
            ReviewItem claimed = queue.claim("alice", Duration.ofMinutes(5)).orElseThrow();
            queue.resolve(claimed, Verdict.REMOVE, "insult");
            assertThat(queue.pending()).isEmpty();
            assertThatThrownBy(() -> queue.resolve(claimed, Verdict.APPROVE, "")).hasMessageContaining("already resolved");
        }

        @Test
        @DisplayName("resolutions feed a classifier: REMOVE teaches positive, APPROVE negative, ESCALATE nothing")
        void feedsClassifier() {
            FixedClassifier classifier = new FixedClassifier(0.5);
            List<ReviewItem> heard = new ArrayList<>();
            ReviewQueue queue = ReviewQueue.inMemory(clock).feeding(classifier).onResolved(heard::add);
            submit(queue, "idiot");
            submit(queue, "connard, ce n'est pas une insulte ici");
            submit(queue, "idiot ou pas");
            queue.resolve(queue.claim("a", Duration.ofMinutes(1)).orElseThrow(), Verdict.REMOVE, "");
            queue.resolve(queue.claim("a", Duration.ofMinutes(1)).orElseThrow(), Verdict.APPROVE, "quoted");
            queue.resolve(queue.claim("a", Duration.ofMinutes(1)).orElseThrow(), Verdict.ESCALATE, "legal");
            assertThat(classifier.lessons).containsExactly(new FixedClassifier.Lesson("idiot", true),
                    new FixedClassifier.Lesson("connard, ce n'est pas une insulte ici", false));
            assertThat(heard).hasSize(3);
            assertThat(queue.auditLog().entries()).extracting(AuditEntry::actor, AuditEntry::result, AuditEntry::detail)
                    .contains(org.assertj.core.groups.Tuple.tuple("a", AuditEntry.Result.RESOLVED, "APPROVE: quoted"));
        }

        @Test
        @DisplayName("concurrent moderators never claim the same item")
        void concurrent() throws InterruptedException {
            ReviewQueue queue = ReviewQueue.inMemory(clock);
            for (int i = 0; i < 200; i++) {
                submit(queue, "idiot " + i);
            }
            Set<String> claimed = ConcurrentHashMap.newKeySet();
            List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                String who = "m" + t;
                pool.submit(() -> {
                    Optional<ReviewItem> item;
                    while ((item = queue.claim(who, Duration.ofHours(1))).isPresent()) {
                        if (!claimed.add(item.get().id())) {
                            duplicates.add(item.get().id());
                        }
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(claimed).hasSize(200);
            assertThat(duplicates).isEmpty();
        }
    }

    @Nested
    @DisplayName("audit log")
    class Audit {
        @Test
        @DisplayName("entries are numbered in order and the list handed out cannot change the log")
        void appendOnly() {
            AuditLog log = AuditLog.inMemory();
            AuditEntry a = log.append(AuditEntry.of(Instant.EPOCH, "cmkit", "mastodon:1", Optional.of("r"), "HIDE", AuditEntry.Result.DONE, "done"));
            AuditEntry b = log.append(AuditEntry.of(Instant.EPOCH, "cmkit", "mastodon:2", Optional.empty(), "DECIDE", AuditEntry.Result.DECIDED, ""));
            assertThat(a.sequence()).isEqualTo(1);
            assertThat(b.sequence()).isEqualTo(2);
            List<AuditEntry> entries = log.entries();
            assertThatThrownBy(() -> entries.remove(0)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(log.entries()).containsExactly(a, b);
            assertThat(log.forInteraction("mastodon:2")).containsExactly(b);
        }

        @Test
        @DisplayName("concurrent appends get distinct, gapless sequence numbers")
        void concurrent() throws InterruptedException {
            AuditLog log = AuditLog.inMemory();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 1000; i++) {
                pool.submit(() -> log.append(AuditEntry.of(Instant.EPOCH, "cmkit", "k", Optional.empty(), "X", AuditEntry.Result.DONE, "")));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(log.entries()).extracting(AuditEntry::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 1000).boxed().toList());
        }
    }
}
