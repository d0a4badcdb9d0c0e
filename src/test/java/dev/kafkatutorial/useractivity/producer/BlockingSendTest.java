package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** stop() cuts a blocking call short, and its interrupt never outlives the call. */
class BlockingSendTest {

    private final BlockingSend blocking = new BlockingSend();

    @Test
    void stopInterruptsTheThreadInsideAndTheInterruptEndsWithTheCall() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Boolean> interruptedAfterExit = CompletableFuture.supplyAsync(() -> {
            boolean cut = false;
            blocking.enter();
            try {
                inside.countDown();
                Thread.sleep(60_000); // as send() waiting for metadata
            } catch (InterruptedException e) {
                cut = true;
                Thread.currentThread().interrupt(); // as Kafka's InterruptException leaves it
            } finally {
                blocking.exit();
            }
            return cut && !Thread.currentThread().isInterrupted();
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        blocking.stop();
        assertThat(interruptedAfterExit.get(10, TimeUnit.SECONDS)).as("cut, and no interrupt left").isTrue();
    }

    @Test
    void cutAfterLetsTheCallRunThroughItsGraceThenCutsIt() throws Exception {
        // As a commit under way at Ctrl+C: it may finish within the grace; one still waiting after it is cut.
        BlockingSend ending = BlockingSend.cutAfter(Duration.ofMillis(300));
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Long> cutAfterMs = CompletableFuture.supplyAsync(() -> {
            ending.enter();
            long start = System.nanoTime();
            try {
                inside.countDown();
                Thread.sleep(60_000);
                return -1L;
            } catch (InterruptedException e) {
                return (System.nanoTime() - start) / 1_000_000;
            } finally {
                ending.exit();
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        ending.stop();
        assertThat(ending.graceOver()).isFalse();
        assertThat(cutAfterMs.get(10, TimeUnit.SECONDS)).as("cut, not before the grace").isGreaterThanOrEqualTo(250);
        assertThat(ending.graceOver()).isTrue();
        assertThat(ending.remaining()).isZero();
    }

    @Test
    void afterStopACallCannotBlockAndOutsideACallNothingIsInterrupted() {
        blocking.stop();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        blocking.enter();
        try {
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            blocking.exit();
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
