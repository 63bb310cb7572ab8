package io.microplatform.support.faults;

import io.microplatform.support.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call to the faults endpoint needs {@code X-Fault-Token}: without it 401, with a wrong one 403, both
 * application/problem+json. The token is compared in constant time, as SHA-256 digests of equal length, so that
 * neither its content nor its length shows in the time an answer takes.
 * <p>
 * Which calls: the request's path is normalized more eagerly than Tomcat and Spring MVC resolve it (percent-decoded
 * until nothing changes, path parameters such as {@code ;x=y} removed, backslashes as slashes, empty and {@code .}
 * segments dropped, {@code ..} resolved, case folded, a trailing slash ignored), so that every spelling the dispatcher
 * could route to the endpoint needs the token ({@code /actuator/%66aults}, {@code /actuator;a=b/faults},
 * {@code /actuator//faults/} ...; FaultTokenBypassTest sends each). A spelling that routes nowhere may need it too, which
 * costs nothing.
 */
class FaultTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Fault-Token";

    /** Decoding stops here: a path encoded more often than this is refused with a token check, not decoded forever. */
    private static final int MAX_DECODING_PASSES = 5;

    private final String endpointPath;
    private final byte[] tokenDigest;

    FaultTokenFilter(String endpointPath, String token) {
        this.endpointPath = normalize(endpointPath);
        this.tokenDigest = sha256(token);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = normalize(request.getRequestURI().substring(request.getContextPath().length()));
        return !(path.equals(endpointPath) || path.startsWith(endpointPath + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            Problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The faults endpoint needs the " + HEADER + " header"));
        } else if (!MessageDigest.isEqual(tokenDigest, sha256(presented))) {
            Problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "The " + HEADER + " header does not match platform.faults.token"));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The path as the most lenient router could read it: lower case, decoded, without path parameters or dot segments. */
    static String normalize(String rawPath) {
        String path = rawPath;
        for (int pass = 0; pass < MAX_DECODING_PASSES; pass++) {
            String next = normalizeOnce(path);
            if (next.equals(path)) {
                return next;
            }
            path = next;
        }
        return path;
    }

    private static String normalizeOnce(String path) {
        String decoded = percentDecode(withoutPathParameters(path)).replace('\\', '/');
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : withoutPathParameters(decoded).split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return ("/" + String.join("/", segments)).toLowerCase(Locale.ROOT);
    }

    /** {@code /actuator;a=b/faults;x=y} is {@code /actuator/faults} to Spring MVC. */
    private static String withoutPathParameters(String path) {
        return path.replaceAll(";[^/]*", "");
    }

    /** Decodes every valid %XX and leaves a stray % as it is (Tomcat refuses those before any filter runs). */
    private static String percentDecode(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
                bytes.write(HexFormat.fromHexDigits(new String(raw, i + 1, 2, StandardCharsets.US_ASCII)));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return HexFormat.isHexDigit(b);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
