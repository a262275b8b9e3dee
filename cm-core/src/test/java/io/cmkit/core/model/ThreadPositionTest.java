package io.cmkit.core.model;

import static io.cmkit.core.model.ModelAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ThreadPosition")
class ThreadPositionTest {

    @Test
    @DisplayName("a stand-alone post is at depth 0 with no root or parent")
    void standalone() {
        ThreadPosition position = ThreadPosition.standalone();

        assertThat(position.depth()).isZero();
        assertThat(position.rootId()).isEmpty();
        assertThat(position.parentId()).isEmpty();
        assertThat(position.replyToBrand()).isFalse();
    }

    @Test
    @DisplayName("a direct reply to a brand post is at depth 1, its parent being the root")
    void replyToBrandPost() {
        ThreadPosition position = ThreadPosition.replyToBrandPost("p1");

        assertThat(position.depth()).isEqualTo(1);
        assertThat(position.rootId()).contains("p1");
        assertThat(position.parentId()).contains("p1");
        assertThat(position.replyToBrand()).isTrue();
    }

    @Test
    @DisplayName("a reply deeper in the thread has a parent other than the root")
    void deeper() {
        ThreadPosition position = new ThreadPosition(Optional.of("p1"), Optional.of("c7"), 2, false);

        assertThat(position.depth()).isEqualTo(2);
        assertThat(position.parentId()).contains("c7");
    }

    @Test
    @DisplayName("the root may be unknown when the platform gives only the parent")
    void unknownRoot() {
        ThreadPosition position = new ThreadPosition(Optional.empty(), Optional.of("c7"), 3, true);

        assertThat(position.rootId()).isEmpty();
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("a negative depth")
        void negativeDepth() {
            assertRejected(() -> new ThreadPosition(Optional.empty(), Optional.empty(), -1, false), "ThreadPosition",
                    "depth", "ThreadPosition.depth must not be negative (got -1)");
        }

        @Test
        @DisplayName("depth 0 for something that replies, to a parent or to the brand")
        void depthZeroReply() {
            assertRejected(() -> new ThreadPosition(Optional.empty(), Optional.of("p1"), 0, false), "ThreadPosition",
                    "depth", "ThreadPosition.depth must be at least 1 for an interaction that replies to something");
            assertRejected(() -> new ThreadPosition(Optional.empty(), Optional.empty(), 0, true), "ThreadPosition",
                    "depth", "ThreadPosition.depth must be at least 1 for an interaction that replies to something");
        }

        @Test
        @DisplayName("a reply without a parent")
        void noParent() {
            assertRejected(() -> new ThreadPosition(Optional.of("p1"), Optional.empty(), 2, false), "ThreadPosition",
                    "parentId", "ThreadPosition.parentId is required when depth is 2");
        }

        @Test
        @DisplayName("depth 1 with a parent that is not the root")
        void depthOneNotUnderRoot() {
            assertRejected(() -> new ThreadPosition(Optional.of("p1"), Optional.of("c7"), 1, false), "ThreadPosition",
                    "depth", "ThreadPosition.depth must be more than 1 when parentId 'c7' is not rootId 'p1'");
        }

        @Test
        @DisplayName("a deeper reply whose parent is the root")
        void deepUnderRoot() {
            assertRejected(() -> new ThreadPosition(Optional.of("p1"), Optional.of("p1"), 3, false), "ThreadPosition",
                    "depth", "ThreadPosition.depth must be 1 when parentId is rootId 'p1' (got 3)");
        }

        @Test
        @DisplayName("blank or missing ids")
        void blankIds() {
            assertRejected(() -> new ThreadPosition(Optional.of(" "), Optional.of("c7"), 2, false), "ThreadPosition",
                    "rootId", "ThreadPosition.rootId must not be blank");
            assertRejected(() -> new ThreadPosition(Optional.empty(), Optional.of(""), 1, false), "ThreadPosition",
                    "parentId", "ThreadPosition.parentId must not be blank");
            assertRejected(() -> new ThreadPosition(null, Optional.empty(), 0, false), "ThreadPosition", "rootId",
                    "ThreadPosition.rootId is required");
            assertRejected(() -> new ThreadPosition(Optional.empty(), null, 0, false), "ThreadPosition", "parentId",
                    "ThreadPosition.parentId is required");
        }
    }
}
