package io.shieldfab.gateway.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The work space of the handoff worker (docs/operations.md, "Output limits and handoff bundles"): the disk its
 * folders hold is bounded, others' use makes a handoff wait, a bundle bigger than all of it fails, and a closed
 * folder is gone with its space given back. Plain JUnit. The folders keep a handoff's files on disk instead of in the
 * heap, so the budget is what bounds the space they take.
 */
class WorkFoldersTest {

    @Test
    void spaceIsClaimedUpToTheBudgetAndGivenBackWhenAFolderCloses(@TempDir Path base) throws IOException {
        // a budget of 1000 bytes: A takes 600, B may take 400 but not 401 while A holds its 600
        WorkFolders folders = new WorkFolders(base, 1000);
        WorkFolders.Folder a = folders.create("a");
        WorkFolders.Folder b = folders.create("b");
        a.claim(600);
        b.claim(400);
        assertThat(folders.used()).isEqualTo(1000);
        assertThatThrownBy(() -> b.claim(1)).isInstanceOf(WorkSpaceFullException.class)
                .hasMessageContaining("shieldfab.handoff.max-work-size");

        Files.writeString(a.resolve("layout.dxf"), "0\nEOF\n");
        a.close();
        assertThat(folders.used()).isEqualTo(400);
        try (Stream<Path> left = Files.list(base)) {
            assertThat(left).hasSize(1);
        }
        b.claim(600);
        assertThat(b.held()).isEqualTo(1000);
        b.close();
        assertThat(folders.used()).isZero();
    }

    @Test
    void aBundleNeedingMoreThanTheWholeSpaceFailsForGood(@TempDir Path base) throws IOException {
        // alone in a 1000-byte space: 1001 bytes can never fit, so waiting would not help
        WorkFolders folders = new WorkFolders(base, 1000);
        try (WorkFolders.Folder alone = folders.create("alone")) {
            alone.claim(999);
            assertThatThrownBy(() -> alone.claim(2)).isInstanceOfSatisfying(BundleLimitException.class,
                    e -> assertThat(e.rule()).isEqualTo("BUNDLE_WORK_LIMIT"));
        }
        assertThat(folders.used()).isZero();
    }
}
