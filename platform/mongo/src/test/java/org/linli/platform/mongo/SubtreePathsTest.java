package org.linli.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubtreePathsTest {

    @Test
    void refusesABlankPathWhichWouldRewriteEveryPath() {
        assertThatThrownBy(() -> SubtreePaths.rebase("/a/b/", "", "/c/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubtreePaths.rebase(null, "collection", "path", "/a/", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesAPathBelowTheOldOneTheNewPrefixAndLeavesOthersAlone() {
        assertThat(SubtreePaths.rebase("/a/b/", "/a/", "/c/a/")).isEqualTo("/c/a/b/");
        assertThat(SubtreePaths.rebase("/x/b/", "/a/", "/c/a/")).isEqualTo("/x/b/");
        assertThat(SubtreePaths.rebase(null, "/a/", "/c/a/")).isNull();
    }
}
