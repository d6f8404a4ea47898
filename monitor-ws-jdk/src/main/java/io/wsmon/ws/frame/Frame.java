package io.wsmon.ws.frame;

import java.nio.ByteBuffer;

/**
 * One decoded client frame.
 *
 * @param fin whether this is the last fragment of its message (always true for control frames)
 * @param opcode what the frame carries
 * @param payload the unmasked payload, positioned at its first byte; owned by the receiver
 */
public record Frame(boolean fin, Opcode opcode, ByteBuffer payload) {}
