package io.microplatform.support.logging;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/** The MDC key every log line carries the order id under, and how one is recognised. */
final class OrderIdMdc {

    /** Shown by the readable pattern ({@code logging.pattern.correlation}) and by Boot's JSON formats. */
    static final String KEY = "orderId";

    private static final Pattern ORDER_PATH = Pattern.compile("^/api/(?:orders|sagas)/([^/]+)");

    private OrderIdMdc() {
    }

    /** The order id of {@code /api/orders/{id}...} or {@code /api/sagas/{id}...}, else {@code orderId}, else null. */
    static String fromRequest(String path, String orderIdParameter) {
        if (path != null) {
            Matcher matcher = ORDER_PATH.matcher(path);
            if (matcher.find() && isUuid(matcher.group(1))) {
                return matcher.group(1);
            }
        }
        return isUuid(orderIdParameter) ? orderIdParameter : null;
    }

    // order ids are UUIDs: anything else (a typo, an injection attempt) stays out of the logs' correlation field
    static boolean isUuid(String candidate) {
        if (candidate == null || candidate.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void put(String orderId) {
        MDC.put(KEY, orderId);
    }

    static void remove() {
        MDC.remove(KEY);
    }
}
