package dev.kafkatutorial.useractivity.consumer;

import java.io.FileDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Tells whether the program reading standard output (the other end of a pipe, as in {@code consumer | head -3})
 * has gone away, without writing to it. A write would say so too, but an idle consumer has nothing to write:
 * after {@code head} has its lines, the consumer would wait for the next event for ever.
 *
 * <p>The operating system knows: on Linux, {@code poll(2)} on a pipe's write end reports {@code POLLERR} once no
 * reader is left. Java has no public call for that on standard output, so this uses the JDK's own {@code sun.nio.ch.Net.poll}
 * (the jar's manifest opens {@code java.base/sun.nio.ch} to it). Where that is not open (run by Maven, say)
 * or not there, the probe answers "still there", and a closed pipe shows at the next event written instead.
 */
public interface ReaderProbe {

    /** Whether the reader is known to be gone; must be cheap (it runs each time a poll returns nothing). */
    boolean readerGone();

    /** For output that is not the process's standard output (tests, the demo): never gone. */
    ReaderProbe NONE = () -> false;

    /** For the process's standard output (file descriptor 1). */
    static ReaderProbe stdout() {
        try {
            Class<?> net = Class.forName("sun.nio.ch.Net");
            Method poll = net.getDeclaredMethod("poll", FileDescriptor.class, int.class, long.class);
            poll.setAccessible(true);
            int pollOut = constant(net, "POLLOUT");
            int pollErr = constant(net, "POLLERR");
            return () -> {
                try {
                    int events = (int) poll.invoke(null, FileDescriptor.out, pollOut, 0L); // 0: do not wait
                    return (events & pollErr) != 0;
                } catch (ReflectiveOperationException e) {
                    return false;
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notAvailable) {
            return NONE;
        }
    }

    private static int constant(Class<?> net, String name) throws ReflectiveOperationException {
        Field field = net.getDeclaredField(name);
        field.setAccessible(true);
        return ((Number) field.get(null)).intValue();
    }
}
