package io.microplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throw-away directories live in {@code ${java.io.tmpdir}/microplatform-embedded/<kind>-<random>/} next to an
 * {@code owner.pid} naming the JVM that made them. A JVM killed with -9 (a Surefire fork timing out, a developer's
 * Ctrl+\) never deletes its directory and leaves its postmaster running, so each new directory first sweeps the
 * ones whose owner is gone.
 */
final class ThrowAwayDirectories {

    static final String OWNER_FILE = "owner.pid";

    private static final Logger log = LoggerFactory.getLogger(ThrowAwayDirectories.class);

    private ThrowAwayDirectories() {
    }

    static Path create(String kind) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "microplatform-embedded");
        Directories.create(root);
        sweepOrphans(root);
        try {
            Path directory = Files.createTempDirectory(root, kind + "-");
            Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + root, e);
        }
    }

    static void sweepOrphans(Path root) {
        List<Path> children;
        try (Stream<Path> list = Files.list(root)) {
            children = list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", root, e.toString());
            return;
        }
        for (Path child : children) {
            OptionalLong owner = ownerOf(child);
            // no owner file yet: another JVM is creating it right now
            if (owner.isEmpty() || Postmaster.isRunning(owner.getAsLong())) {
                continue;
            }
            try {
                try (Stream<Path> dataDirectories = Files.list(child)) {
                    for (Path data : dataDirectories.filter(Files::isDirectory).toList()) {
                        Postmaster.stopAndClean(data);
                    }
                }
                Directories.deleteRecursively(child);
                log.info("Removed {} left by JVM {} that is gone", child, owner.getAsLong());
            } catch (IOException | RuntimeException e) {
                // another JVM may be sweeping the same directory at the same time
                log.debug("Could not sweep {}", child, e);
            }
        }
    }

    private static OptionalLong ownerOf(Path directory) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(directory.resolve(OWNER_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
