package io.microplatform.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.microplatform.support.problems.Problems;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code platform.web.max-request-body} bytes of body per request (Tomcat limits only form posts): a
 * Content-Length above it is answered 413 before a byte is read; a chunked body, or one longer than it said, fails with
 * {@link RequestBodyTooLargeException} as soon as the reader passes the limit, which the exception handlers answer 413.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(request, response, RequestBodyTooLargeException.problem(maxBytes));
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes, isJson(request) ? new StrictUtf8() : null), response);
        }
        catch (IOException | ServletException | RuntimeException e) {
            // a reader that did not go through Spring MVC's exception handling (a servlet of its own)
            if (RequestBodyTooLargeException.in(e).isPresent() && !response.isCommitted()) {
                response.reset();
                Problems.write(request, response, RequestBodyTooLargeException.problem(maxBytes));
                return;
            }
            throw e;
        }
    }

    /** JSON is UTF-8 whatever charset a client names (RFC 8259); only JSON bodies are read by these services. */
    private static boolean isJson(HttpServletRequest request) {
        try {
            MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
            return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || (type.getSubtypeSuffix() != null && type.getSubtypeSuffix().equals("json")));
        }
        catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final StrictUtf8 utf8;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long maxBytes, StrictUtf8 utf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes, utf8);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        /** null: not JSON, not checked. */
        private final StrictUtf8 utf8;
        private long read;

        LimitedInputStream(ServletInputStream body, long maxBytes, StrictUtf8 utf8) {
            this.body = body;
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
                if (utf8 != null) {
                    utf8.accept(buffer, offset, count);
                }
            }
            else if (count < 0 && utf8 != null) {
                utf8.end();
            }
            return count;
        }

        private void count(int bytes) throws RequestBodyTooLargeException {
            read += bytes;
            if (read > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
