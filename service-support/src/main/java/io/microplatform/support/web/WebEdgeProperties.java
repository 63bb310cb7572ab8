package io.microplatform.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code platform.web.*}: the largest request body a service reads (env {@code PLATFORM_WEB_MAX_REQUEST_BODY}). 64 KB is
 * ten times the largest valid request (an order of 50 lines with the longest skus and address is about 6 KB).
 */
@ConfigurationProperties("platform.web")
record WebEdgeProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
