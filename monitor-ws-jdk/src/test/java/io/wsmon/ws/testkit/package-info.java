/** Test helpers: raw frame builders, a raw-socket WebSocket client and an in-memory monitoring feed. */
package io.wsmon.ws.testkit;
