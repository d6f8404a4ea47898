/**
 * The HTTP/1.1 that this server speaks before a WebSocket upgrade and on its plain endpoints: a request
 * head parser bounded in size ({@link io.wsmon.ws.http.HttpRequestParser}), the parsed
 * {@link io.wsmon.ws.http.HttpRequest}, and {@link io.wsmon.ws.http.HttpResponse}.
 */
package io.wsmon.ws.http;
