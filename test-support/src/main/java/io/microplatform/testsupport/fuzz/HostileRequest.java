package io.microplatform.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request a fuzz test sends: what was done to a valid request ({@code mutations}, for the report and jqwik's
 * statistics), its body, its Content-Type (null: none) and further headers, in order (a name may repeat).
 */
public record HostileRequest(List<String> mutations, byte[] body, String contentType,
        List<Map.Entry<String, String>> headers) {

    private static final int SHOWN_BYTES = 400;

    public HostileRequest {
        mutations = List.copyOf(mutations);
        headers = List.copyOf(headers);
    }

    HostileRequest mutated(String mutation, byte[] newBody) {
        return new HostileRequest(InvalidValues.concat(mutations, List.of(mutation)), newBody, contentType, headers);
    }

    /** The same request, with what makes it invalid said (the body is invalid as built). */
    public HostileRequest because(String mutation) {
        return new HostileRequest(InvalidValues.concat(mutations, List.of(mutation)), body, contentType, headers);
    }

    public HostileRequest withContentType(String mutation, String newContentType) {
        return new HostileRequest(InvalidValues.concat(mutations, List.of(mutation)), body, newContentType, headers);
    }

    public HostileRequest withHeader(String mutation, String name, String value) {
        return new HostileRequest(InvalidValues.concat(mutations, List.of(mutation)), body, contentType,
                InvalidValues.concat(headers, List.of(Map.entry(name, value))));
    }

    /** The first mutation's kind ("invalid value", "truncated", ...), for jqwik's statistics. */
    public String kind() {
        String first = mutations.isEmpty() ? "none" : mutations.get(0);
        int colon = first.indexOf(':');
        return colon < 0 ? first : first.substring(0, colon);
    }

    /** The first mutation up to the value it wrote ("invalid value: items[].sku"), for the survey. */
    public String headline() {
        String first = mutations.isEmpty() ? "none" : mutations.get(0);
        int value = first.indexOf(" = ");
        String head = value < 0 ? first : first.substring(0, value);
        return head.length() > 48 ? head.substring(0, 48) + "..." : head;
    }

    /** Readable in a failure report: printable ASCII as is, everything else escaped, long bodies cut. */
    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(body.length, SHOWN_BYTES); i++) {
            int b = body[i] & 0xff;
            shown.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : "\\x%02X".formatted(b));
        }
        if (body.length > SHOWN_BYTES) {
            shown.append("... (").append(body.length).append(" bytes, ends: ")
                    .append(new String(body, body.length - 40, 40, StandardCharsets.ISO_8859_1)).append(')');
        }
        return "HostileRequest" + mutations + " Content-Type: " + contentType + " headers: " + headers + " body: " + shown;
    }
}
