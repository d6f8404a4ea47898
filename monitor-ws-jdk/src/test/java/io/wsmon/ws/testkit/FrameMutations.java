package io.wsmon.ws.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Broken client input made from a corpus of valid frames: bit flips, truncations, bogus and 64-bit
 * lengths, unmasked frames, fragment chaos, invalid UTF-8, bad close codes, reserved bits and opcodes,
 * and plain garbage. Each mutation is a pure function of its random source, so a seed replays it.
 */
public final class FrameMutations {

    /** Valid client frames the mutations start from. */
    static final List<byte[]> CORPUS = List.of(
            ClientFrames.text("{\"type\":\"ping\"}"),
            ClientFrames.text("{\"type\":\"get_status\"}"),
            ClientFrames.text("{\"type\":\"subscribe\",\"sections\":[\"memory\"]}"),
            ClientFrames.text("{\"type\":\"get_history\",\"count\":3}"),
            ClientFrames.frame(true, 0x9, "hello".getBytes(StandardCharsets.US_ASCII)),
            ClientFrames.frame(true, 0xA, new byte[0]),
            ClientFrames.frame(false, 0x1, "{\"type\":".getBytes(StandardCharsets.US_ASCII)),
            ClientFrames.frame(true, 0x0, "\"ping\"}".getBytes(StandardCharsets.US_ASCII)),
            ClientFrames.frame(true, 0x1, "x".repeat(300).getBytes(StandardCharsets.US_ASCII)),
            ClientFrames.close(1000, "bye"));

    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
    private static final int[] BAD_CLOSE_CODES = {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535};

    /** The kinds of mutation, for reports. */
    public enum Kind {
        BIT_FLIPS, TRUNCATION, BOGUS_LENGTH, HUGE_LENGTH, UNMASKED, FRAGMENT_CHAOS, INVALID_UTF8, BAD_CLOSE_CODE,
        RESERVED_BITS, GARBAGE_AFTER_HANDSHAKE, GARBAGE_BEFORE_HANDSHAKE
    }

    private FrameMutations() {}

    /**
     * Picks a kind of mutation.
     *
     * @param random the case's random source
     * @return the kind
     */
    public static Kind pick(SplittableRandom random) {
        Kind[] kinds = Kind.values();
        return kinds[random.nextInt(kinds.length)];
    }

    /**
     * Bytes of one mutation, to send after the opening handshake (or instead of it, for
     * {@link Kind#GARBAGE_BEFORE_HANDSHAKE}).
     *
     * @param kind the mutation
     * @param random the case's random source
     * @return the bytes
     */
    public static byte[] make(Kind kind, SplittableRandom random) {
        byte[] base = CORPUS.get(random.nextInt(CORPUS.size())).clone();
        return switch (kind) {
            case BIT_FLIPS -> {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    base[random.nextInt(base.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield base;
            }
            case TRUNCATION -> java.util.Arrays.copyOf(base, random.nextInt(base.length));
            case BOGUS_LENGTH -> {
                base[1] = (byte) (0x80 | random.nextInt(128));
                yield base;
            }
            case HUGE_LENGTH -> ByteBuffer.allocate(14).put((byte) 0x81).put((byte) (0x80 | 127))
                    .putLong(random.nextBoolean() ? Long.MAX_VALUE : random.nextLong()).putInt(random.nextInt()).array();
            case UNMASKED -> ClientFrames.raw(0x81, false, "{\"type\":\"ping\"}".getBytes(StandardCharsets.US_ASCII));
            case FRAGMENT_CHAOS -> fragmentChaos(random);
            case INVALID_UTF8 -> {
                byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
                boolean inClose = random.nextBoolean();
                byte[] payload = inClose ? ByteBuffer.allocate(2 + bad.length).putShort((short) 1000).put(bad).array() : bad;
                yield ClientFrames.frame(true, inClose ? 0x8 : 0x1, payload);
            }
            case BAD_CLOSE_CODE -> random.nextInt(4) == 0 ? ClientFrames.frame(true, 0x8, new byte[] {3})
                    : ClientFrames.close(BAD_CLOSE_CODES[random.nextInt(BAD_CLOSE_CODES.length)], "");
            case RESERVED_BITS -> {
                base[0] = (byte) (random.nextBoolean() ? base[0] | (0x10 << random.nextInt(3)) : (base[0] & 0xF0) | (3 + random.nextInt(5)) + (random.nextBoolean() ? 8 : 0));
                yield base;
            }
            case GARBAGE_AFTER_HANDSHAKE, GARBAGE_BEFORE_HANDSHAKE -> garbage(random);
        };
    }

    private static byte[] fragmentChaos(SplittableRandom random) {
        byte[] part = "{\"type\"".getBytes(StandardCharsets.US_ASCII);
        return switch (random.nextInt(4)) {
            case 0 -> ClientFrames.frame(true, 0x0, part);
            case 1 -> ClientFrames.concat(ClientFrames.frame(false, 0x1, part), ClientFrames.frame(true, 0x1, part));
            case 2 -> ClientFrames.frame(false, 0x9, part);
            default -> ClientFrames.concat(ClientFrames.frame(false, 0x1, part), ClientFrames.frame(true, 0x9, part),
                    ClientFrames.frame(false, 0x0, part), ClientFrames.frame(false, 0x2, part));
        };
    }

    private static byte[] garbage(SplittableRandom random) {
        byte[] bytes = new byte[1 + random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }
}
