package io.microplatform.localstack.process;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Prints log files line by line behind a coloured {@code instance |} prefix, and follows them like {@code tail -F}:
 * files that appear later are read from their start, a file replaced by a restart is read again from its start.
 */
public final class LogFollower {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MIN_WIDTH = 16;

    private final Terminal terminal;
    private final Map<Path, Tail> tails = new HashMap<>();

    public LogFollower(Terminal terminal) {
        this.terminal = terminal;
    }

    /** One log: the instance it belongs to and its file. */
    public record Source(Instance instance, Path file) {

        public static Source of(RunRecord record) {
            return new Source(record.asInstance(), record.log());
        }

        String name() {
            return instance.name();
        }

        int color() {
            return Topology.order(instance.service()) + Topology.SERVICES.size() * instance.index();
        }
    }

    /** Prints what the files hold now. */
    public void print(List<Source> sources) {
        int width = width(sources);
        for (Source source : sources) {
            Tail tail = new Tail(source, 0);
            tail.drain(width, true);
        }
    }

    /**
     * Follows the sources (asked for again on every round, so new instances join) until {@code keepGoing} is false or
     * no source is left. {@code fromStart}: print what the first sources hold already, or only what comes next.
     */
    public void follow(Supplier<List<Source>> sources, BooleanSupplier keepGoing, boolean fromStart) {
        boolean first = true;
        while (keepGoing.getAsBoolean()) {
            List<Source> current = sources.get();
            if (current.isEmpty()) {
                return;
            }
            int width = width(current);
            for (Source source : current) {
                long start = fromStart || !first ? 0 : size(source.file());
                tails.computeIfAbsent(source.file(), file -> new Tail(source, start)).drain(width, false);
            }
            first = false;
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static int width(List<Source> sources) {
        return Math.max(MIN_WIDTH, sources.stream().mapToInt(source -> source.name().length()).max().orElse(0));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Where reading one file stopped, and the part of a line not yet ended. */
    private final class Tail {

        private final Source source;
        private long position;
        private Object fileKey;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        Tail(Source source, long position) {
            this.source = source;
            this.position = position;
        }

        void drain(int width, boolean flushPartial) {
            Path file = source.file();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                if ((fileKey != null && !fileKey.equals(key)) || channel.size() < position) {
                    position = 0;
                    partial.reset();
                }
                fileKey = key;
                channel.position(position);
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                int read;
                while ((read = channel.read(buffer)) > 0) {
                    position += read;
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        byte b = buffer.get();
                        if (b == '\n') {
                            emit(width);
                        } else {
                            partial.write(b);
                        }
                    }
                    buffer.clear();
                }
                if (flushPartial && partial.size() > 0) {
                    emit(width);
                }
            } catch (IOException e) {
                // not there yet, or just rotated: the next round finds the new file
            }
        }

        private void emit(int width) {
            String line = partial.toString(StandardCharsets.UTF_8);
            partial.reset();
            terminal.println(terminal.prefix(source.name(), width, source.color()) + stripCarriageReturn(line));
        }

        private String stripCarriageReturn(String line) {
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
    }
}
