package io.microplatform.localstack.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An AppCDS archive per service in {@code $PLATFORM_HOME/cds}: the classes a run loaded, mapped straight into the
 * next JVM, which roughly halves a Spring service's start-up. The first instance of a service trains it
 * ({@code -XX:ArchiveClassesAtExit}, written when that JVM exits gracefully, i.e. at ./platform down); later starts
 * use it. An archive is trusted only if it is newer than the code it was made from and was made by this very JVM;
 * anything else is trained again, and a JVM that cannot map an archive simply starts without it.
 */
public final class ClassDataSharing {

    /** CDS_DYNAMIC_ARCHIVE_MAGIC in HotSpot's include/cds.h (JDK 17 to 25 at least). */
    private static final int DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;

    private final Path directory;
    private final String jvm;
    private final int javaFeature;

    public ClassDataSharing(Path directory, Path java) {
        this.directory = directory;
        this.jvm = java + " " + System.getProperty("java.vm.version");
        this.javaFeature = Runtime.version().feature();
    }

    /** The JVM options for one process, and whether it trains the archive. */
    public record Options(List<String> jvmOptions, boolean training, Path archive) {
    }

    public Options options(String name, Instant codePreparedAt, boolean mayTrain) {
        Path archive = archive(directory, name);
        List<String> options = new ArrayList<>(quiet());
        if (usable(archive, codePreparedAt)) {
            options.add("-XX:SharedArchiveFile=" + archive);
            return new Options(options, false, archive);
        }
        if (!mayTrain) {
            return new Options(List.of(), false, archive);
        }
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(archive);
            // says which JVM the archive will be for: a JDK switch must not reuse it
            Files.writeString(stamp(archive), jvm);
        } catch (IOException e) {
            return new Options(List.of(), false, archive);
        }
        options.add("-XX:ArchiveClassesAtExit=" + archive);
        return new Options(options, true, archive);
    }

    public static Path archive(Path directory, String name) {
        return directory.resolve(name + ".jsa");
    }

    /** A training run that did not get far (a failed start) would leave an archive of too few classes. */
    public static void discard(Path archive) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            // it will be retrained once it is found stale or unusable
        }
    }

    private boolean usable(Path archive, Instant codePreparedAt) {
        try {
            return Files.isRegularFile(archive) && complete(archive)
                    && !Files.getLastModifiedTime(archive).toInstant().isBefore(codePreparedAt)
                    && Files.isRegularFile(stamp(archive)) && Files.readString(stamp(archive)).equals(jvm);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A dynamic archive starts with its magic number, which the JVM writes last (with the rest of the header): anything
     * else is a file whose writing JVM was killed half-way, or no archive at all, and would never map.
     */
    private static boolean complete(Path archive) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(archive)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && java.nio.ByteBuffer.wrap(magic).order(java.nio.ByteOrder.nativeOrder()).getInt()
                    == DYNAMIC_ARCHIVE_MAGIC;
        }
    }

    /** CDS reports (archive created, archive not usable) would otherwise land in every service's log. */
    private List<String> quiet() {
        List<String> options = new ArrayList<>(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (javaFeature >= 24) {
            options.add("-Xlog:aot=off");
        }
        return options;
    }

    private static Path stamp(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".jvm");
    }
}
