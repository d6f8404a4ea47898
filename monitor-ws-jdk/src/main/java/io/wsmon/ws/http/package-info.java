/**
 * The HTTP/1.1 that this server speaks before a WebSocket upgrade and on its plain endpoints: a request
 * head parser bounded in size ({@link io.wsmon.ws.http.HttpRequestParser}) that keeps the path as sent,
 * the router that hands each request to its {@link io.wsmon.api.http.HttpEndpoint}
 * ({@link io.wsmon.ws.http.EndpointRouter}), the discovery of endpoint providers
 * ({@link io.wsmon.ws.http.EndpointDiscovery}), and the response's wire form
 * ({@link io.wsmon.ws.http.HttpWire}).
 */
package io.wsmon.ws.http;
