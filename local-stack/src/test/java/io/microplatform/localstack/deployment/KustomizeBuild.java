package io.microplatform.localstack.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An overlay as `kubectl kustomize` builds it, as far as the manifests tests need: the objects of its resources and
 * components, folders followed, and each generated ConfigMap's literals after `behavior: merge` or `replace`, in
 * kustomize's order (a folder's resources, then its components, then its own generators). Patches, hashed names and
 * namespaces are left out; KubernetesManifestsTest compares the result with kubectl's where kubectl is installed.
 */
record KustomizeBuild(String folder, List<Map<String, Object>> objects, Map<String, Map<String, String>> configMaps) {

    static KustomizeBuild of(String folder) {
        List<Map<String, Object>> objects = new ArrayList<>();
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        accumulate(folder, objects, configMaps);
        return new KustomizeBuild(folder, List.copyOf(objects), Collections.unmodifiableMap(configMaps));
    }

    Optional<Map<String, Object>> object(String kind, String name) {
        return Yamls.object(objects, kind, name);
    }

    Map<String, Object> required(String kind, String name) {
        return object(kind, name)
                .orElseThrow(() -> new AssertionError(folder + " builds no " + kind + " named " + name));
    }

    Map<String, String> configMap(String name) {
        Map<String, String> literals = configMaps.get(name);
        if (literals == null) {
            throw new AssertionError(
                    folder + " generates no ConfigMap " + name + " (only " + configMaps.keySet() + ")");
        }
        return literals;
    }

    /**
     * The environment a Deployment's container starts with, as far as plain values go: the literals of the ConfigMaps
     * it reads with envFrom, overridden by its own env values (Kubernetes lets env win over envFrom).
     */
    Map<String, String> environment(String deployment) {
        Map<String, Object> container = Kustomization.container(required("Deployment", deployment), deployment);
        Map<String, String> environment = new LinkedHashMap<>();
        Object envFrom = container.get("envFrom");
        if (envFrom != null) {
            for (Object source : Yamls.list(envFrom, deployment + ".envFrom")) {
                Object configMapRef = Yamls.map(source, deployment + ".envFrom[]").get("configMapRef");
                if (configMapRef != null) {
                    environment.putAll(configMap(String.valueOf(Yamls.map(configMapRef, deployment).get("name"))));
                }
            }
        }
        Kustomization.env(container, deployment).forEach((name, variable) -> {
            if (variable.containsKey("value")) {
                environment.put(name, String.valueOf(variable.get("value")));
            }
        });
        return environment;
    }

    private static void accumulate(String folder, List<Map<String, Object>> objects,
                                   Map<String, Map<String, String>> configMaps) {
        Kustomization kustomization = Kustomization.load(folder);
        objects.addAll(kustomization.objects());
        for (String resource : kustomization.resources()) {
            if (!resource.endsWith(".yaml") && !resource.endsWith(".yml")) {
                accumulate(relative(folder, resource), objects, configMaps);
            }
        }
        for (String component : kustomization.components()) {
            accumulate(relative(folder, component), objects, configMaps);
        }
        for (Kustomization.Generated generated : kustomization.generated("configMapGenerator")) {
            String name = generated.name();
            String where = folder + ": configMapGenerator " + name;
            switch (generated.behavior()) {
                case "create" -> {
                    if (configMaps.putIfAbsent(name, new LinkedHashMap<>(generated.literals())) != null) {
                        throw new AssertionError(where + " exists already: kustomize needs behavior merge or replace");
                    }
                }
                case "merge" -> existing(configMaps, name, where).putAll(generated.literals());
                case "replace" -> {
                    existing(configMaps, name, where);
                    configMaps.put(name, new LinkedHashMap<>(generated.literals()));
                }
                default -> throw new AssertionError(where + ": unknown behavior " + generated.behavior());
            }
        }
    }

    private static Map<String, String> existing(Map<String, Map<String, String>> configMaps, String name,
                                                String where) {
        Map<String, String> literals = configMaps.get(name);
        if (literals == null) {
            throw new AssertionError(where + " merges into a ConfigMap that nothing before it generates");
        }
        return literals;
    }

    private static String relative(String folder, String reference) {
        return Path.of(folder).resolve(reference).normalize().toString().replace('\\', '/');
    }
}
