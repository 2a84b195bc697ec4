package org.govit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** What a line and a blank line of a JSON-lines dump are, for the job, its loop and its test. */
public final class JsonLines {
    private JsonLines() {}

    /** A line of a JSON-lines file: its bytes without the {@code \n}, and its byte offset. */
    public interface LineSink {
        void line(long offset, byte[] bytes) throws IOException;
    }

    /**
     * Splits {@code in} at {@code \n} only, as the job's reader does: a {@code \r} before it
     * stays in the record, where JSON takes it as white space. For the loop and the test.
     */
    public static void forEachLine(InputStream in, LineSink sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        byte[] line = new byte[1 << 16];
        int len = 0;
        long offset = 0; // of the line being read
        long pos = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                pos++;
                if (buf[i] == '\n') {
                    sink.line(offset, Arrays.copyOf(line, len));
                    len = 0;
                    offset = pos;
                } else {
                    if (len == line.length) {
                        line = Arrays.copyOf(line, len * 2);
                    }
                    line[len++] = buf[i];
                }
            }
        }
        if (len > 0) {
            sink.line(offset, Arrays.copyOf(line, len));
        }
    }

    /** Whether a line holds only white space: the job skips it. */
    public static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
