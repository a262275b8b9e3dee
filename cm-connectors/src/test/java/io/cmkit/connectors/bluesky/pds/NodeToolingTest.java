package io.cmkit.connectors.bluesky.pds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

@DisplayName("the PDS harness without node")
class NodeToolingTest {

    private static final NodeTooling.Found NOTHING = NodeTooling.find(name -> Optional.empty(), node -> Optional.empty());

    @Test
    @DisplayName("says what is missing")
    void missing() {
        assertThat(NOTHING.problems()).containsExactly("node is not on the PATH", "npm is not on the PATH");
    }

    @Test
    @DisplayName("skips the tests with the reason on a developer's machine")
    void skipsLocally() {
        assertThatThrownBy(() -> NodeTooling.require(NOTHING, Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Skipped: the Bluesky PDS tests need Node 20+ and npm, and node is not on the PATH; npm is not on the PATH");
    }

    @Test
    @DisplayName("fails them when CI=true, so CI never hides them")
    void failsOnCi() {
        assertThatThrownBy(() -> NodeTooling.require(NOTHING, Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true, so this fails instead of skipping");
        assertThat(NodeTooling.onCi(Map.of("CI", "TRUE"))).isTrue();
        assertThat(NodeTooling.onCi(Map.of("CI", "false"))).isFalse();
    }

    @Test
    @DisplayName("an old node counts as missing; node 20 and npm are enough")
    void versions() {
        NodeTooling.Found old = NodeTooling.find(name -> Optional.of(Path.of("/opt/bin", name)), node -> Optional.of("v18.19.0"));
        assertThat(old.problems()).containsExactly("node v18.19.0 is older than the 20 the PDS recipe needs");
        NodeTooling.Found ok = NodeTooling.find(name -> Optional.of(Path.of("/opt/bin", name)), node -> Optional.of("v20.20.2"));
        assertThat(NodeTooling.require(ok, Map.of("CI", "true"))).isSameAs(ok);
    }

    @Test
    @DisplayName("npm ci is cached by a stamp that changes with the lock file and the node version")
    void stamp(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("package.json"), "{}");
        Files.writeString(dir.resolve("package-lock.json"), "{\"lockfileVersion\":3}");
        String first = BlueskyPds.stampOf(dir, "v20.20.2");
        assertThat(BlueskyPds.stampOf(dir, "v20.20.2")).isEqualTo(first);
        assertThat(BlueskyPds.stampOf(dir, "v22.1.0")).isNotEqualTo(first);
        Files.writeString(dir.resolve("package-lock.json"), "{\"lockfileVersion\":3,\"x\":1}");
        assertThat(BlueskyPds.stampOf(dir, "v20.20.2")).isNotEqualTo(first);
    }
}
