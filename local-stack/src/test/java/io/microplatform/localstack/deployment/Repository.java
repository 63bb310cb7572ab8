package io.microplatform.localstack.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The checked-out repository as the deployment files see it: its files, its YAML and its `.env`. */
final class Repository {

    static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path file(String relativePath) {
        Path file = ROOT.resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("missing file " + relativePath + " (expected at " + file + ")");
        }
        return file;
    }

    static String read(String relativePath) {
        try {
            return Files.readString(file(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(String relativePath) {
        Object document = new Yaml().load(read(relativePath));
        if (!(document instanceof Map<?, ?>)) {
            throw new AssertionError(relativePath + " is not a YAML mapping");
        }
        return Yamls.map(document, relativePath);
    }

    static List<Map<String, Object>> yamlDocuments(String relativePath) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(read(relativePath))) {
            if (document != null) {
                documents.add(Yamls.map(document, relativePath));
            }
        }
        return documents;
    }

    /** `.env` as docker compose and ./platform read it: KEY=VALUE lines, # comments. */
    static Map<String, String> dotEnv() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : read(".env").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 1) {
                throw new AssertionError(".env line is not KEY=VALUE: " + line);
            }
            values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return values;
    }

    static int port(String variable) {
        String value = dotEnv().get(variable);
        if (value == null) {
            throw new AssertionError(".env does not define " + variable);
        }
        return Integer.parseInt(value);
    }

    // Surefire runs in the module folder; walk up to the folder holding .env and the root pom
    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".env")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (.env + pom.xml) above " + Path.of("").toAbsolutePath());
    }
}
