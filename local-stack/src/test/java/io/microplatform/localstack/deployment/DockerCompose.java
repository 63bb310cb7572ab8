package io.microplatform.localstack.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml, parsed, with `${VAR}` resolved from `.env` the way compose does it. */
record DockerCompose(String file, Map<String, Object> services) {

    static final String FILE = "docker-compose.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");

    static DockerCompose load() {
        return load(FILE);
    }

    /** Another compose file, e.g. one given with a second -f on top of docker-compose.yml. */
    static DockerCompose load(String file) {
        return new DockerCompose(file, Yamls.mapAt(Repository.yaml(file), file, "services"));
    }

    Map<String, Object> service(String name) {
        return Yamls.mapAt(services, file + ": services", name);
    }

    /** The service's environment as compose passes it (list or mapping form), values not yet resolved. */
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(String.valueOf(key), String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** Short port syntax, "[host_ip:]published:target", of each entry under ports. */
    List<PortMapping> ports(String name) {
        return Yamls.listAt(service(name), FILE + ": " + name, "ports").stream()
                .map(entry -> PortMapping.parse(String.valueOf(entry)))
                .toList();
    }

    static String resolve(String value) {
        Map<String, String> dotEnv = Repository.dotEnv();
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String replacement = dotEnv.get(variable.group(1));
            if (replacement == null) {
                replacement = variable.group(2);
            }
            if (replacement == null) {
                throw new AssertionError(FILE + " uses ${" + variable.group(1) + "}, which .env does not define");
            }
            variable.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }

    record PortMapping(String published, String target) {

        static PortMapping parse(String entry) {
            String[] parts = entry.replaceAll("/(tcp|udp)$", "").split(":");
            if (parts.length < 2) {
                throw new AssertionError(FILE + ": port '" + entry + "' should publish explicitly (published:target)");
            }
            return new PortMapping(parts[parts.length - 2], parts[parts.length - 1]);
        }
    }
}
