package io.microplatform.localstack.deployment;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration files a service is started with, to tell whether an environment variable that a deployment
 * file passes is one the service reads. Two ways count: a `${NAME...}` placeholder, or Spring's relaxed binding of a
 * variable to a key the files set (EUREKA_SERVER_ENABLESELFPRESERVATION -> eureka.server.enable-self-preservation).
 */
record ApplicationConfig(List<String> files, Set<String> placeholders, Set<String> environmentForms) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)[:}]");
    static final String SHARED_DEFAULTS = "service-support/src/main/resources/platform-service-defaults.yml";

    static ApplicationConfig of(PlatformService service) {
        List<String> files = new ArrayList<>(List.of(service.name() + "/src/main/resources/application.yml"));
        if (service.isBusinessService()) {
            files.add(SHARED_DEFAULTS);
        }
        Set<String> placeholders = new HashSet<>();
        Set<String> environmentForms = new HashSet<>();
        for (String file : files) {
            String text = Repository.read(file);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                placeholders.add(placeholder.group(1));
            }
            for (Object document : new Yaml().loadAll(text)) {
                for (String key : flatten(document, "")) {
                    environmentForms.add(canonicalEnvironmentName(key));
                    environmentForms.add(legacyEnvironmentName(key));
                }
            }
        }
        return new ApplicationConfig(files, placeholders, environmentForms);
    }

    boolean readsPlaceholder(String variable) {
        return placeholders.contains(variable);
    }

    /**
     * Whether SPRING_PROFILES_ACTIVE with this value names only profiles the service has a file for
     * ({@code application-<profile>.yml} next to its application.yml): a misspelt profile would silently do nothing.
     */
    static boolean hasProfiles(PlatformService service, String profiles) {
        return !profiles.isBlank() && Arrays.stream(profiles.split(",")).map(String::strip)
                .allMatch(profile -> Files.isRegularFile(Repository.ROOT.resolve(service.name()
                        + "/src/main/resources/application-" + profile + ".yml")));
    }

    boolean bindsFromEnvironment(String variable) {
        return readsPlaceholder(variable) || environmentForms.contains(variable);
    }

    // eureka.instance.lease-renewal-interval-in-seconds -> EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS
    private static String canonicalEnvironmentName(String key) {
        return key.replace("-", "").replace('.', '_').toUpperCase();
    }

    // ... and EUREKA_INSTANCE_LEASE_RENEWAL_INTERVAL_IN_SECONDS, which Spring Boot accepts too
    private static String legacyEnvironmentName(String key) {
        return key.replace('-', '_').replace('.', '_').toUpperCase();
    }

    private static List<String> flatten(Object node, String prefix) {
        List<String> keys = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.startsWith("[")) {
                    continue; // a map key in brackets is data, not a property name
                }
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                keys.add(path);
                keys.addAll(flatten(entry.getValue(), path));
            }
        }
        return keys;
    }
}
