package io.microplatform.localstack.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kustomization folder read without kustomize: its own file plus the manifests it lists. Enough to check the
 * base's objects and what the overlays change; `kubectl kustomize` renders the real thing where it is installed.
 */
record Kustomization(String folder, Map<String, Object> file, List<Map<String, Object>> objects) {

    static Kustomization load(String folder) {
        String path = folder + "/kustomization.yaml";
        Map<String, Object> file = Repository.yaml(path);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : strings(file.get("resources"), path + ": resources")) {
            if (!resource.endsWith(".yaml") && !resource.endsWith(".yml")) {
                continue; // another kustomization folder, like ../../base
            }
            objects.addAll(Repository.yamlDocuments(folder + "/" + resource));
        }
        return new Kustomization(folder, file, objects);
    }

    List<String> resources() {
        return strings(file.get("resources"), folder + ": resources");
    }

    List<String> patchFiles() {
        List<String> paths = new ArrayList<>();
        Object patches = file.get("patches");
        if (patches != null) {
            for (Object patch : Yamls.list(patches, folder + ": patches")) {
                Object path = Yamls.map(patch, folder + ": patch").get("path");
                if (path != null) {
                    paths.add(String.valueOf(path));
                }
            }
        }
        return paths;
    }

    Optional<Map<String, Object>> object(String kind, String name) {
        return Yamls.object(objects, kind, name);
    }

    Map<String, Object> required(String kind, String name) {
        return object(kind, name).orElseThrow(() -> new AssertionError(
                folder + " has no " + kind + " named " + name + " in " + resources()));
    }

    List<String> components() {
        return strings(file.get("components"), folder + ": components");
    }

    /** The entries of a configMapGenerator or secretGenerator, in file order (none when the file has no such list). */
    List<Generated> generated(String generator) {
        List<Generated> generated = new ArrayList<>();
        Object generators = file.get(generator);
        if (generators != null) {
            for (Object entry : Yamls.list(generators, folder + ": " + generator)) {
                Map<String, Object> fields = Yamls.map(entry, folder + ": " + generator);
                String name = String.valueOf(fields.get("name"));
                Map<String, String> literals = new LinkedHashMap<>();
                for (String literal : strings(fields.get("literals"), name + ".literals")) {
                    String[] pair = literal.split("=", 2);
                    literals.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
                generated.add(new Generated(name, String.valueOf(fields.getOrDefault("behavior", "create")),
                        literals));
            }
        }
        return generated;
    }

    /** KEY=VALUE literals of a configMapGenerator or secretGenerator entry, by generated object name. */
    Map<String, String> generatorLiterals(String generator, String name) {
        if (file.get(generator) == null) {
            throw new AssertionError(folder + "/kustomization.yaml has no " + generator);
        }
        return generated(generator).stream()
                .filter(generated -> name.equals(generated.name()))
                .findFirst()
                .map(Generated::literals)
                .orElseThrow(() -> new AssertionError(
                        folder + "/kustomization.yaml generates no " + name + " in " + generator));
    }

    /** One generator entry: the object's name, kustomize's behavior (create, merge, replace) and its literals. */
    record Generated(String name, String behavior, Map<String, String> literals) {
    }

    /** The single container of a Deployment, named like the Deployment. */
    static Map<String, Object> container(Map<String, Object> deployment, String name) {
        List<Object> containers = Yamls.listAt(deployment, name, "spec", "template", "spec", "containers");
        return containers.stream()
                .map(container -> Yamls.map(container, name + " container"))
                .filter(container -> name.equals(container.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + name + " has no container named " + name));
    }

    /** name -> env entry (value or valueFrom) of a container. */
    static Map<String, Map<String, Object>> env(Map<String, Object> container, String where) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        Object entries = container.get("env");
        if (entries != null) {
            for (Object entry : Yamls.list(entries, where + ".env")) {
                Map<String, Object> variable = Yamls.map(entry, where + ".env[]");
                env.put(String.valueOf(variable.get("name")), variable);
            }
        }
        return env;
    }

    private static List<String> strings(Object node, String where) {
        if (node == null) {
            return List.of();
        }
        return Yamls.list(node, where).stream().map(String::valueOf).toList();
    }
}
