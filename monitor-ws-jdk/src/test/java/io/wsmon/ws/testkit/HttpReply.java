package io.wsmon.ws.testkit;

import java.util.Map;

/**
 * An HTTP response as a raw client read it.
 *
 * @param status the status code
 * @param headers header values by lower-case name
 * @param body the body as text
 */
public record HttpReply(int status, Map<String, String> headers, String body) {}
