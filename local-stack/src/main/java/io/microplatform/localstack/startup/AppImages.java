package io.microplatform.localstack.startup;

import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The code each process runs, copied out of the build into {@code $PLATFORM_HOME/app/<service>}: a Spring Boot jar
 * (a service's, or Zipkin's for the trace store) extracted into the CDS-friendly layout (starts faster than the nested
 * jar), and for the JVMs of PostgreSQL and Kafka a copy of the launcher's own jars. Running copies means a rebuild (or
 * a mvn clean) never pulls files from under a running process; a copy is refreshed only when its source changed and
 * no process runs from it.
 */
public final class AppImages {

    private static final String SOURCE_STAMP = ".source";
    /** The one copy of the launcher that PostgreSQL's helper and Kafka run from. */
    private static final String INFRASTRUCTURE = "infrastructure";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    private final Settings settings;

    public AppImages(Settings settings) {
        this.settings = settings;
    }

    /** The classpath jar to run and when this copy was made (a CDS archive older than that is stale). */
    public record Image(Path jar, Instant preparedAt) {
    }

    /**
     * The copy {@code service} runs from, refreshed first if its source changed, unless a process of
     * {@code runningServices} (the services of the live processes) runs from that copy: it stays as it is until they stop.
     */
    public Image prepare(String service, Collection<String> runningServices) {
        String copy = copyOf(service);
        boolean inUse = runningServices.stream().map(AppImages::copyOf).anyMatch(copy::equals);
        return Topology.runsLauncherCopy(service) ? launcherCopy(inUse) : extracted(service, inUse);
    }

    /** The folder under app/ a service runs from: its own, or for PostgreSQL and Kafka the one copy of the launcher. */
    private static String copyOf(String service) {
        return Topology.runsLauncherCopy(service) ? INFRASTRUCTURE : service;
    }

    private Image extracted(String service, boolean inUse) {
        Path source = settings.serviceJar(service);
        if (!Files.isRegularFile(source)) {
            throw new PlatformException(settings.repository().relativize(source) + " is missing; build it with ./mvnw package");
        }
        Path directory = settings.app().resolve(service);
        String stamp = stamp(List.of(source));
        // the extracted jar keeps the source's name: order-service.jar, zipkin-server.jar
        String jar = source.getFileName().toString();
        if (upToDate(directory, stamp) || (inUse && Files.isDirectory(directory))) {
            return image(directory, jar);
        }
        Path staging = staging(directory);
        run(List.of(settings.java().toString(), "-Djarmode=tools", "-jar", source.toString(), "extract",
                "--destination", staging.toString()), staging.resolveSibling(service + ".extract.log"), service);
        return install(staging, directory, stamp, jar);
    }

    private Image launcherCopy(boolean inUse) {
        Path launcher = settings.launcherJar();
        List<Path> sources = new ArrayList<>();
        sources.add(launcher);
        sources.addAll(files(launcher.resolveSibling("lib")));
        Path directory = settings.app().resolve(INFRASTRUCTURE);
        String stamp = stamp(sources);
        if (upToDate(directory, stamp) || (inUse && Files.isDirectory(directory))) {
            return image(directory, launcher.getFileName().toString());
        }
        Path staging = staging(directory);
        try {
            Files.createDirectories(staging.resolve("lib"));
            for (Path file : sources) {
                Path target = file.equals(launcher) ? staging.resolve(file.getFileName()) : staging.resolve("lib").resolve(file.getFileName());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new PlatformException("cannot copy the launcher to " + staging + ": " + e.getMessage(), e);
        }
        return install(staging, directory, stamp, launcher.getFileName().toString());
    }

    private static boolean upToDate(Path directory, String stamp) {
        try {
            Path file = directory.resolve(SOURCE_STAMP);
            return Files.isRegularFile(file) && Files.readString(file).equals(stamp);
        } catch (IOException e) {
            return false;
        }
    }

    private static Image image(Path directory, String jar) {
        try {
            return new Image(directory.resolve(jar), Files.getLastModifiedTime(directory.resolve(SOURCE_STAMP)).toInstant());
        } catch (IOException e) {
            // a copy from before stamps existed: treat it as brand new so no older archive is trusted
            return new Image(directory.resolve(jar), Instant.now());
        }
    }

    private static Path staging(Path directory) {
        Path staging = directory.resolveSibling(directory.getFileName() + ".new");
        delete(staging);
        return staging;
    }

    /** Swaps the staged copy in whole, so an interrupted copy never looks complete. */
    private static Image install(Path staging, Path directory, String stamp, String jar) {
        try {
            Files.writeString(staging.resolve(SOURCE_STAMP), stamp);
            delete(directory);
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            return image(directory, jar);
        } catch (IOException e) {
            throw new PlatformException("cannot install " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command, Path output, String service) {
        try {
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PlatformException("extracting " + service + " took over " + EXTRACT_TIMEOUT_SECONDS + " s; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new PlatformException("extracting " + service + " failed with exit code " + process.exitValue()
                        + "; see " + output);
            }
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new PlatformException("cannot extract " + service + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while extracting " + service, e);
        }
    }

    /** Name, size and modification time of each source: changes whenever the build writes a new file. */
    private static String stamp(List<Path> sources) {
        StringBuilder stamp = new StringBuilder();
        for (Path source : sources) {
            try {
                stamp.append(source.getFileName()).append(' ').append(Files.size(source)).append(' ')
                        .append(Files.getLastModifiedTime(source).toMillis()).append('\n');
            } catch (IOException e) {
                throw new PlatformException("cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        return stamp.toString();
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PlatformException(directory + " is missing; build the launcher with ./mvnw package");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new PlatformException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new PlatformException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
