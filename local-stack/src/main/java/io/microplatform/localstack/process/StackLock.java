package io.microplatform.localstack.process;

import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One changing command at a time (up, down, restart): two of them would start or stop the same processes. */
public final class StackLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static StackLock acquire(Path runDirectory, Terminal terminal) {
        try {
            Files.createDirectories(runDirectory);
            FileChannel channel = FileChannel.open(runDirectory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                terminal.println("waiting for another ./platform command to finish ...");
                lock = channel.lock();
            }
            return new StackLock(channel, lock);
        } catch (IOException e) {
            throw new PlatformException("cannot lock " + runDirectory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
