package io.microplatform.support.logging;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the order id a request names (path or {@code orderId} parameter) into the MDC for every line it logs. */
class OrderIdMdcFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String orderId = OrderIdMdc.fromRequest(request.getRequestURI().substring(request.getContextPath().length()),
                request.getParameter(OrderIdMdc.KEY));
        if (orderId == null) {
            chain.doFilter(request, response);
            return;
        }
        OrderIdMdc.put(orderId);
        try {
            chain.doFilter(request, response);
        } finally {
            // Tomcat reuses the thread for the next request
            OrderIdMdc.remove();
        }
    }
}
