package io.microplatform.support.faults;

import io.microplatform.support.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
            Problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The faults endpoint needs the " + HEADER + " header"));
        } else if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            Problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "The " + HEADER + " header does not match platform.faults.token"));
        } else {
            chain.doFilter(request, response);
        }
    }
}
