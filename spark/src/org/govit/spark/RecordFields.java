package org.govit.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record's top-level {@code id} and {@code owner_unit}, where they are strings, for the
 * summary and the error lines. The kernel writes a record's keys in name order, so
 * {@code owner_unit} comes after {@code history}, the bulk of the record.
 */
record RecordFields(String id, String ownerUnit) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] OWNER_UNIT_KEY = "\"owner_unit\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The owner unit of a record the kernel has just checked (so well-formed JSON): a byte
     * scan that skips the other members without tokenizing them, a fifth of the cost of a
     * JSON parser's skip; anything unusual (an escaped key, say) falls back to {@link #read}.
     */
    static String ownerUnitOfChecked(byte[] record) {
        try {
            int i = skipWs(record, 0);
            if (record[i++] != '{') {
                return read(record).ownerUnit;
            }
            while (true) {
                i = skipWs(record, i);
                int key = i;
                i = skipString(record, i);
                boolean match = Arrays.equals(record, key, i, OWNER_UNIT_KEY, 0, OWNER_UNIT_KEY.length);
                i = skipWs(record, i);
                if (record[i] != ':') {
                    break;
                }
                i = skipWs(record, i + 1);
                if (match) {
                    if (record[i] != '"') {
                        break;
                    }
                    int end = skipString(record, i);
                    if (indexOf(record, i, end, (byte) '\\') < 0) {
                        return new String(record, i + 1, end - i - 2, StandardCharsets.UTF_8);
                    }
                    break; // escapes: let the parser decode them
                }
                i = skipWs(record, skipValue(record, i));
                if (record[i++] != ',') {
                    break;
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException unusual) {
            // fall back
        }
        return read(record).ownerUnit;
    }

    /**
     * Reads with a JSON parser, only as far as needed; a line that is not JSON gives what was
     * read before the fault (so an unreadable record still shows its id where it can).
     */
    static RecordFields read(byte[] record) {
        String id = null;
        String ownerUnit = null;
        try (JsonParser p = JSON.createParser(record)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new RecordFields(null, null);
            }
            while ((ownerUnit == null || id == null) && p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("owner_unit") && ownerUnit == null) {
                    ownerUnit = p.getText();
                } else if (value == JsonToken.VALUE_STRING && name.equals("id") && id == null) {
                    id = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException notJson) {
            // keep what was read
        }
        return new RecordFields(id, ownerUnit);
    }

    private static int skipWs(byte[] b, int i) {
        while (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
            i++;
        }
        return i;
    }

    /** From the opening quote to just past the closing one. UTF-8 never puts '"' or '\' in a multi-byte character. */
    private static int skipString(byte[] b, int i) {
        if (b[i] != '"') {
            throw new IllegalArgumentException("not a string");
        }
        i++;
        while (b[i] != '"') {
            i += b[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** Just past the value starting at {@code i}. */
    private static int skipValue(byte[] b, int i) {
        byte c = b[i];
        if (c == '"') {
            return skipString(b, i);
        }
        if (c != '{' && c != '[') {
            while (b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
                i++;
            }
            return i;
        }
        int depth = 0;
        while (true) {
            c = b[i];
            if (c == '"') {
                i = skipString(b, i);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
