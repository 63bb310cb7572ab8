package io.microplatform.localstack.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to parsed YAML that fails with the path it was looking at, not a ClassCastException. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new AssertionError(where + " should be a mapping but is " + node);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String where) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new AssertionError(where + " should be a list but is " + node);
    }

    /** The node at a path of keys ("spec", "template", ...); fails naming the first missing key. */
    static Object at(Map<String, Object> root, String where, String... keys) {
        Object node = root;
        StringBuilder path = new StringBuilder(where);
        for (String key : keys) {
            path.append('.').append(key);
            Object child = map(node, path.toString()).get(key);
            if (child == null) {
                throw new AssertionError("missing " + path);
            }
            node = child;
        }
        return node;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String where, String... keys) {
        return map(at(root, where, keys), where + "." + String.join(".", keys));
    }

    static List<Object> listAt(Map<String, Object> root, String where, String... keys) {
        return list(at(root, where, keys), where + "." + String.join(".", keys));
    }

    static String stringAt(Map<String, Object> root, String where, String... keys) {
        return String.valueOf(at(root, where, keys));
    }

    /** The Kubernetes object of this kind and metadata.name among {@code objects}. */
    static Optional<Map<String, Object>> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")))
                .filter(object -> name.equals(mapAt(object, kind, "metadata").get("name")))
                .findFirst();
    }
}
