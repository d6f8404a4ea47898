package io.wsmon.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds where the complete records of an export file end, so that a record torn by a crash or a failed
 * write can be cut off before the next one is appended.
 */
final class RecordFileRepair {

    private static final int GZIP_HEADER = 10;
    private static final int GZIP_TRAILER = 8;
    private static final JsonFactory JSON = new JsonFactory();

    private RecordFileRepair() {}

    /**
     * The length of the longest prefix of a plain file made of whole JSON values, each with the line
     * break that follows it.
     */
    static long validJsonLength(byte[] content) throws IOException {
        long valid = 0;
        try (JsonParser parser = JSON.createParser(content)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
                long end = parser.currentLocation().getByteOffset();
                valid = end < content.length && content[(int) end] == '\n' ? end + 1 : end;
            }
        } catch (JsonProcessingException torn) {
            return valid;
        }
        return valid;
    }

    /**
     * The length of the longest prefix of a gzip file made of whole members, as this exporter writes them
     * (one member per record, no optional header fields), each checked against its CRC.
     */
    static long validGzipLength(byte[] content) {
        int position = 0;
        while (position < content.length) {
            int end = memberEnd(content, position);
            if (end < 0) {
                break;
            }
            position = end;
        }
        return position;
    }

    /** The end of the gzip member starting at {@code start}, or -1 when it is torn or not ours. */
    private static int memberEnd(byte[] content, int start) {
        if (content.length - start < GZIP_HEADER + GZIP_TRAILER
                || (content[start] & 0xff) != 0x1f || (content[start + 1] & 0xff) != 0x8b
                || content[start + 2] != 8 || content[start + 3] != 0) {
            return -1;
        }
        Inflater inflater = new Inflater(true);
        CRC32 crc = new CRC32();
        byte[] out = new byte[8192];
        try {
            int dataStart = start + GZIP_HEADER;
            inflater.setInput(content, dataStart, content.length - dataStart);
            long size = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return -1;
                }
                crc.update(out, 0, n);
                size += n;
            }
            int trailer = content.length - inflater.getRemaining();
            if (trailer + GZIP_TRAILER > content.length
                    || readIntLe(content, trailer) != (int) crc.getValue()
                    || readIntLe(content, trailer + 4) != (int) size) {
                return -1;
            }
            return trailer + GZIP_TRAILER;
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }

    private static int readIntLe(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
