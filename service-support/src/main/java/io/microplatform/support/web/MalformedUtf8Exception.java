package io.microplatform.support.web;

import java.io.IOException;

/**
 * A JSON request body whose bytes are not UTF-8 ({@link StrictUtf8}). An IOException, so that Jackson and Spring MVC
 * pass it on as the cause of a body that could not be read.
 */
public class MalformedUtf8Exception extends IOException {

    MalformedUtf8Exception() {
        super("The request body is not valid UTF-8");
    }
}
