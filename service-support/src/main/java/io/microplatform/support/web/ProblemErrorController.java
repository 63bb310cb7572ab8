package io.microplatform.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Boot's error path as problem details, in place of its BasicErrorController (whose JSON is not problem+json and whose
 * browsers get an HTML page): what Tomcat forwards here is an error no exception handler answered, a filter's
 * {@code sendError} or an exception thrown past Spring MVC. Whatever the Accept header asks for, the answer is
 * problem+json, and says nothing of the exception (Boot logs it). Called directly, the path is a route like any unknown
 * one: 404.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    @RequestMapping
    @ResponseBody
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object forwardedStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object forwardedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = forwardedStatus instanceof Integer code && code >= 400 ? code : HttpStatus.NOT_FOUND.value();
        String uri = forwardedUri instanceof String forwarded ? forwarded : request.getRequestURI();
        ProblemDetail problem = RequestBodyTooLargeException.in(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))
                .map(RequestBodyTooLargeException::problem)
                .orElseGet(() -> EdgeProblems.forwardedError(status, request.getMethod(), uri));
        // a preset content type is written as it is, without negotiating with Accept (which may ask for HTML)
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
