/**
 * RFC 6455 framing, free of I/O: {@link io.wsmon.ws.frame.FrameDecoder} reads client frames strictly,
 * {@link io.wsmon.ws.frame.FrameEncoder} builds server frames once so they can be shared,
 * {@link io.wsmon.ws.frame.MessageAssembler} joins fragments and validates UTF-8 across them, and
 * {@link io.wsmon.ws.frame.CloseCode} names the close codes. Every violation is a
 * {@link io.wsmon.ws.frame.ProtocolException} carrying the close code to answer with.
 */
package io.wsmon.ws.frame;
