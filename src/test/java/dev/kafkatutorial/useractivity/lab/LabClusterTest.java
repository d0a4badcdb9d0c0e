package dev.kafkatutorial.useractivity.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A lab's directory is left behind (and removed by the next lab) only when the JVM named in it is gone. */
class LabClusterTest {

    @Test
    void onlyTheDirectoryOfALabThatIsGoneIsLeftBehind() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();

        assertThat(LabCluster.leftBehind(Path.of("/tmp/user-activity-lab-" + gone.pid() + "-123"))).isTrue();
        assertThat(LabCluster.leftBehind(Path.of("/tmp/user-activity-lab-" + ProcessHandle.current().pid() + "-123")))
                .isFalse();
        assertThat(LabCluster.leftBehind(Path.of("/tmp/user-activity-lab-123"))).isFalse();
        assertThat(LabCluster.leftBehind(Path.of("/tmp/user-activity-lab-x-1"))).isFalse();
        assertThat(LabCluster.leftBehind(Path.of("/tmp/something-else-1-2-3"))).isFalse();
    }
}
