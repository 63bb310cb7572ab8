package io.microplatform.localstack;

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
final class ClassDataSharing {

    private final Path directory;
    private final String jvm;
    private final int javaFeature;

    ClassDataSharing(Path directory, Path java) {
        this.directory = directory;
        this.jvm = java + " " + System.getProperty("java.vm.version");
        this.javaFeature = Runtime.version().feature();
    }

    /** The JVM options for one process, and whether it trains the archive. */
    record Options(List<String> jvmOptions, boolean training, Path archive) {
    }

    Options options(String name, Instant codePreparedAt, boolean mayTrain) {
        Path archive = directory.resolve(name + ".jsa");
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

    /** A training run that did not get far (a failed start) would leave an archive of too few classes. */
    static void discard(Path archive) {
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
     * The JVM writes an archive's header (starting with its magic number) last: zeros there mean the writing JVM was
     * killed half-way, and the file would never map.
     */
    private static boolean complete(Path archive) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(archive)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && (magic[0] | magic[1] | magic[2] | magic[3]) != 0;
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
