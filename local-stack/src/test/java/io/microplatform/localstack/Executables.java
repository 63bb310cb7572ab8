package io.microplatform.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Tools some tests use where a machine has them (kubectl, promtool, prometheus) and skip or replace where not. */
public final class Executables {

    private Executables() {
    }

    /** The first executable file of that name in a folder of PATH, as a shell would find it. */
    public static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
