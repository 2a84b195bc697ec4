package org.govit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binding's one JSON reader: strict RFC 8259, for the documents the kernel writes (never
 * for host input, which goes to the kernel as text). No third-party library, so an OA
 * system's own Jackson, fastjson or Gson version never conflicts with the binding.
 *
 * <p>Values become {@link LinkedHashMap} (member order kept), {@link ArrayList},
 * {@link String}, {@link Number} (the number's text, never a double: money stays exact),
 * {@link Boolean} and {@link #NULL}. {@code \}{@code uXXXX} escapes are decoded, surrogate
 * pairs into one code point; a lone surrogate, a control character, a duplicate key,
 * trailing text or nesting deeper than {@link #MAX_DEPTH} is an error.
 *
 * <p>An error means the kernel's output is not what the contract says: it is reported as
 * {@link GovitException} with code {@link GovitException#INTERNAL}.
 */
final class JsonReader {
    /** JSON {@code null}, distinct from a missing member. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deeper than any document the kernel writes (its input is capped at 128 levels). */
    static final int MAX_DEPTH = 512;

    /** A JSON number, kept as the text the kernel wrote. */
    static final class Number {
        final String text;

        Number(String text) {
            this.text = text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Number && ((Number) o).text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A parsed document: its root and, when the root is an object, each member's exact text. */
    static final class Document {
        final String text;
        final Object root;
        private final Map<String, int[]> spans;

        Document(String text, Object root, Map<String, int[]> spans) {
            this.text = text;
            this.root = root;
            this.spans = spans;
        }

        /** The exact text of a member of the root object (no re-serialisation), or null. */
        String rawMember(String name) {
            int[] span = spans.get(name);
            return span == null ? null : text.substring(span[0], span[1]);
        }

        /** The root as an object; an error if it is not one. */
        Obj object(String what) {
            if (!(root instanceof Map)) {
                throw malformed(what + ": expected a JSON object");
            }
            return new Obj(cast(root), "$");
        }
    }

    private final String text;
    private int pos;
    private int depth;
    private final Map<String, int[]> spans = new LinkedHashMap<String, int[]>();

    private JsonReader(String text) {
        this.text = text;
    }

    /** Parses a whole document. */
    static Document parse(String text) {
        if (text == null) {
            throw malformed("no document");
        }
        JsonReader r = new JsonReader(text);
        r.ws();
        Object root = r.value();
        r.ws();
        if (r.pos != text.length()) {
            throw r.error("trailing characters");
        }
        return new Document(text, root, r.spans);
    }

    // ---- the grammar ----

    private Object value() {
        char c = peek();
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': literal("true"); return Boolean.TRUE;
            case 'f': literal("false"); return Boolean.FALSE;
            case 'n': literal("null"); return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private Map<String, Object> object() {
        boolean top = depth == 0;
        enter();
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<String, Object>();
        ws();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            int start = pos;
            Object v = value();
            if (map.containsKey(key)) {
                throw error("duplicate member \"" + key + "\"");
            }
            map.put(key, v);
            if (top) {
                spans.put(key, new int[] {start, pos});
            }
            ws();
            char c = peek();
            pos++;
            if (c == ',') {
                continue;
            }
            if (c != '}') {
                pos--;
                throw error("expected ',' or '}'");
            }
            depth--;
            return map;
        }
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<Object>();
        ws();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            ws();
            list.add(value());
            ws();
            char c = peek();
            pos++;
            if (c == ',') {
                continue;
            }
            if (c != ']') {
                pos--;
                throw error("expected ',' or ']'");
            }
            depth--;
            return list;
        }
    }

    private String string() {
        pos++; // '"'
        int start = pos;
        // Fast path: no escape, the common case.
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = text.substring(start, pos);
                pos++;
                checkSurrogates(s, start);
                return s;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder b = new StringBuilder(text.length() - start < 64 ? 16 : 64);
        b.append(text, start, pos);
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                String s = b.toString();
                checkSurrogates(s, start);
                return s;
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u': b.append(hex4()); break;
                default:
                    pos--;
                    throw error("bad escape \\" + e);
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("short \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("bad \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    /** The decoded string must be well-formed UTF-16: every surrogate in a pair. */
    private void checkSurrogates(String s, int start) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                pos = start;
                throw error("unpaired surrogate in a string");
            }
            if (Character.isLowSurrogate(c)) {
                pos = start;
                throw error("unpaired surrogate in a string");
            }
        }
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private Number number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
        } else if (digits() == 0) {
            throw error("bad number");
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw error("bad number");
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw error("bad number");
            }
        }
        return new Number(text.substring(start, pos));
    }

    private int digits() {
        int n = 0;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void ws() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private GovitException error(String what) {
        int from = Math.max(0, pos - 20);
        int to = Math.min(text.length(), pos + 20);
        return malformed("JSON: " + what + " at offset " + pos + " near «"
                + text.substring(from, to) + "»");
    }

    static GovitException malformed(String message) {
        return new GovitException(GovitException.INTERNAL, GovitException.fallbackDocument(
                GovitException.INTERNAL, "unexpected document from the kernel: " + message));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    // ---- typed access to an object, for the result classes ----

    /**
     * An object of a parsed document with its JSONPath, for error messages. Getters named
     * {@code opt…} accept a missing member or {@code null}; the others require the member.
     */
    static final class Obj {
        final Map<String, Object> map;
        final String path;

        Obj(Map<String, Object> map, String path) {
            this.map = map;
            this.path = path;
        }

        boolean has(String key) {
            Object v = map.get(key);
            return v != null && v != NULL;
        }

        private Object required(String key) {
            Object v = map.get(key);
            if (v == null || v == NULL) {
                throw malformed(path + "." + key + " is missing");
            }
            return v;
        }

        private GovitException wrong(String key, String expected) {
            return malformed(path + "." + key + ": expected " + expected + ", found "
                    + describe(map.get(key)));
        }

        String string(String key) {
            Object v = required(key);
            if (!(v instanceof String)) {
                throw wrong(key, "a string");
            }
            return (String) v;
        }

        String optString(String key) {
            return has(key) ? string(key) : null;
        }

        boolean bool(String key) {
            Object v = required(key);
            if (!(v instanceof Boolean)) {
                throw wrong(key, "true or false");
            }
            return (Boolean) v;
        }

        boolean optBool(String key, boolean otherwise) {
            return has(key) ? bool(key) : otherwise;
        }

        Integer optInteger(String key) {
            if (!has(key)) {
                return null;
            }
            Object v = map.get(key);
            if (v instanceof Number) {
                try {
                    return Integer.valueOf(((Number) v).text);
                } catch (NumberFormatException e) {
                    // falls through to the error
                }
            }
            throw wrong(key, "an integer");
        }

        LocalDate date(String key) {
            String s = string(key);
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw wrong(key, "a date YYYY-MM-DD");
            }
        }

        LocalDate optDate(String key) {
            return has(key) ? date(key) : null;
        }

        Obj object(String key) {
            Object v = required(key);
            if (!(v instanceof Map)) {
                throw wrong(key, "an object");
            }
            return new Obj(cast(v), path + "." + key);
        }

        Obj optObject(String key) {
            return has(key) ? object(key) : null;
        }

        private List<?> array(String key) {
            Object v = required(key);
            if (!(v instanceof List)) {
                throw wrong(key, "an array");
            }
            return (List<?>) v;
        }

        /** An array of strings, unmodifiable. */
        List<String> strings(String key) {
            List<?> a = array(key);
            List<String> out = new ArrayList<String>(a.size());
            for (int i = 0; i < a.size(); i++) {
                Object v = a.get(i);
                if (!(v instanceof String)) {
                    throw malformed(path + "." + key + "[" + i + "]: expected a string, found "
                            + describe(v));
                }
                out.add((String) v);
            }
            return Collections.unmodifiableList(out);
        }

        /** {@link #strings}, or an empty list when the member is missing or null. */
        List<String> optStrings(String key) {
            return has(key) ? strings(key) : Collections.<String>emptyList();
        }

        /** An array of objects. */
        List<Obj> objects(String key) {
            List<?> a = array(key);
            List<Obj> out = new ArrayList<Obj>(a.size());
            for (int i = 0; i < a.size(); i++) {
                Object v = a.get(i);
                if (!(v instanceof Map)) {
                    throw malformed(path + "." + key + "[" + i + "]: expected an object, found "
                            + describe(v));
                }
                out.add(new Obj(cast(v), path + "." + key + "[" + i + "]"));
            }
            return out;
        }

        /** {@link #objects}, or an empty list when the member is missing or null. */
        List<Obj> optObjects(String key) {
            return has(key) ? objects(key) : Collections.<Obj>emptyList();
        }

        private static String describe(Object v) {
            if (v == null) {
                return "nothing";
            }
            if (v == NULL) {
                return "null";
            }
            if (v instanceof Map) {
                return "an object";
            }
            if (v instanceof List) {
                return "an array";
            }
            if (v instanceof String) {
                return "a string";
            }
            if (v instanceof Number) {
                return "the number " + v;
            }
            return String.valueOf(v);
        }
    }
}
