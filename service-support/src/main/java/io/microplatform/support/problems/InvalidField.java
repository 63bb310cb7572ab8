package io.microplatform.support.problems;

/** One entry of an "Invalid request" problem's {@code errors}: {"field":"items[0].quantity","message":"must be ..."}. */
public record InvalidField(String field, String message) {
}
