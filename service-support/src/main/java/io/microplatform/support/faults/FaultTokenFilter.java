package io.microplatform.support.faults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call to the faults endpoint needs {@code X-Fault-Token}: without it 401, with a wrong one 403, both
 * application/problem+json. The token is compared in constant time.
 */
class FaultTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Fault-Token";

    private final String endpointPath;
    private final byte[] token;

    FaultTokenFilter(String endpointPath, String token) {
        this.endpointPath = endpointPath;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(endpointPath) || path.startsWith(endpointPath + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "The faults endpoint needs the " + HEADER + " header", request.getRequestURI());
        } else if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "The " + HEADER + " header does not match platform.faults.token", request.getRequestURI());
        } else {
            chain.doFilter(request, response);
        }
    }
}
