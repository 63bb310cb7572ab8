package io.microplatform.support.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import io.microplatform.support.problems.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error answers as problem details instead of its HTML page: the requests Tomcat refuses before Spring
 * MVC (or any filter) runs, measured in WebEdgeTest: a malformed or forbidden percent-encoding in the path ({@code %},
 * {@code %zz}, {@code %00}, {@code %2F}, {@code %5C}), characters the request line may not carry (a space, {@code {},
 * {@code \}), a path that climbs above the root ({@code /..}), headers larger than
 * {@code server.max-http-request-header-size} or malformed, an unparseable Content-Length, an unknown HTTP version.
 * Everything the application answers itself, and every error Tomcat forwards to Boot's {@code /error}, never gets here.
 * Like the valve it replaces (with Boot's {@code server.error.include-stacktrace=never}), it says nothing of Tomcat:
 * no version, no exception, no message of Tomcat's.
 */
class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** The guards of Tomcat's own report: an error status, nothing written yet, reported once, a connection to write on. */
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = EdgeProblems.refusedByServer(status, request.getRequestURI());
        try {
            String json = Problems.json(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException e) {
            log.debug("Could not write the problem details of a refused request", e);
        }
    }
}
