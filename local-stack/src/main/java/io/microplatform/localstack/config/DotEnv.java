package io.microplatform.localstack.config;

import io.microplatform.localstack.console.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's {@code .env}: the one place for ports and addresses, read the way docker compose reads it
 * (KEY=VALUE lines, # comments, optional quotes), where an environment variable of the same name wins.
 */
final class DotEnv {

    private DotEnv() {
    }

    static Map<String, String> load(Path file, Map<String, String> environment) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new PlatformException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        return withOverrides(parse(lines, file.getFileName().toString()), environment);
    }

    static Map<String, String> parse(List<String> lines, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new PlatformException(source + " line " + (i + 1) + " is not KEY=VALUE: " + lines.get(i));
            }
            values.put(key, value(line.substring(equals + 1).strip()));
        }
        return values;
    }

    static Map<String, String> withOverrides(Map<String, String> values, Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.replaceAll((key, value) -> environment.getOrDefault(key, value));
        return merged;
    }

    private static String value(String raw) {
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
            int close = raw.indexOf(raw.charAt(0), 1);
            if (close > 0) {
                return raw.substring(1, close);
            }
        }
        // as in docker compose, an unquoted value ends where " #" starts a comment
        int comment = raw.indexOf(" #");
        return (comment < 0 ? raw : raw.substring(0, comment)).strip();
    }
}
