package io.microplatform.localstack.faults;

import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The token guarding /actuator/faults on the local stack: PLATFORM_FAULTS_TOKEN if set, else
 * {@code $PLATFORM_HOME/faults-token}, generated on the first start and readable by its owner only.
 */
public final class FaultToken {

    public static final String ENABLED_VARIABLE = "PLATFORM_FAULTS_ENABLED";
    public static final String TOKEN_VARIABLE = "PLATFORM_FAULTS_TOKEN";

    private FaultToken() {
    }

    public static Path file(Settings settings) {
        return settings.home().resolve("faults-token");
    }

    /** For the launcher: the token every service gets, created once. */
    public static String getOrCreate(Settings settings) {
        return read(settings).orElseGet(() -> create(file(settings)));
    }

    /** For the CLI: the token the running services were given. */
    public static Optional<String> read(Settings settings) {
        String configured = settings.environment().get(TOKEN_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        Path file = file(settings);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new PlatformException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String create(Path file) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, token + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the folder's permissions
            }
            return token;
        } catch (IOException e) {
            throw new PlatformException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
