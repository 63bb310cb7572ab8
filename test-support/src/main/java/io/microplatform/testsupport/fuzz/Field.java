package io.microplatform.testsupport.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * One field of a request body: where it is ({@code customerId}, {@code shippingAddress.city}, {@code items[].sku},
 * where {@code []} is some element of the array) and the values that make a request invalid there. A required
 * field is also invalid as null or missing.
 */
public record Field(String path, boolean required, Arbitrary<Json> invalidValues) {

    public static Field required(String path, Arbitrary<Json> invalidValues) {
        return new Field(path, true, Arbitraries.oneOf(invalidValues, Arbitraries.just(Json.raw("null"))));
    }

    public static Field optional(String path, Arbitrary<Json> invalidValues) {
        return new Field(path, false, invalidValues);
    }

    /** The object this field is a member of: "" for the body itself. */
    String parent() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /**
     * The body with the value at {@code path} changed: {@code change} gets the current value (null when missing) and
     * answers the new one (null removes the member). {@code element} picks the element of each array on the way.
     */
    static Json change(Json body, String path, int element, UnaryOperator<Json> change) {
        return change(body, path.isEmpty() ? List.of() : Arrays.asList(path.split("\\.")), element, change);
    }

    private static Json change(Json node, List<String> path, int element, UnaryOperator<Json> change) {
        if (path.isEmpty()) {
            return change.apply(node);
        }
        if (!(node instanceof Json.Obj object)) {
            // an earlier mutation replaced what was here: that one already makes the request invalid
            return node;
        }
        String segment = path.get(0);
        List<String> rest = path.subList(1, path.size());
        if (segment.endsWith("[]")) {
            return object.change(segment.substring(0, segment.length() - 2), array ->
                    array instanceof Json.Arr items && !items.items().isEmpty()
                            ? items.change(Math.floorMod(element, items.items().size()),
                                    item -> change(item, rest, element, change))
                            : array);
        }
        if (rest.isEmpty() && !object.has(segment)) {
            Json added = change.apply(null);
            return added == null ? object : object.with(segment, added);
        }
        return object.change(segment, value -> change(value, rest, element, change));
    }
}
