/**
 * Admission of a WebSocket client: the RFC 6455 opening handshake ({@link io.wsmon.ws.handshake.Handshake}),
 * the browser-origin allow-list ({@link io.wsmon.ws.handshake.OriginPolicy}) and the optional shared
 * token ({@link io.wsmon.ws.handshake.AccessToken}).
 */
package io.wsmon.ws.handshake;
