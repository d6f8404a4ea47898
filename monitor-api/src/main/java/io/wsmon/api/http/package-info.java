/**
 * The HTTP extension point of the server's port: an {@link io.wsmon.api.http.HttpEndpoint} is a path and
 * an {@link io.wsmon.api.http.HttpHandler} that answers it; an
 * {@link io.wsmon.api.http.HttpEndpointProvider} found by {@link java.util.ServiceLoader} adds endpoints
 * (a page, {@code /metrics}) from a module the server does not know.
 */
package io.wsmon.api.http;
