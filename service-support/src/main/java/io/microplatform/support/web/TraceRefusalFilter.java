package io.microplatform.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microplatform.support.problems.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * TRACE answered 405 problem+json. Tomcat refuses TRACE itself with an empty 405 unless its connector allows it
 * (measured), and a servlet that gets one echoes the request back, headers included (cross-site tracing): so the
 * connector lets TRACE in and this filter, registered with it, answers before any servlet.
 */
class TraceRefusalFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"TRACE".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
        Problems.write(request, response, Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
                HttpStatus.METHOD_NOT_ALLOWED.getReasonPhrase(), "Method 'TRACE' is not supported."));
    }
}
