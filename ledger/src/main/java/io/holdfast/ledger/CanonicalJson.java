package io.holdfast.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one canonical JSON form that audit hashes are computed over, so anyone can recompute them
 * with any tool:
 * <ul>
 *   <li>object keys sorted by their UTF-16 code units (as Java's and JavaScript's default sort);</li>
 *   <li>no whitespace outside strings;</li>
 *   <li>strings escaped as JSON requires and no further ({@code "}, {@code \}, and control
 *       characters as {@code \n}, {@code \t}… or a six-character \\u escape with four lower-case hex digits);</li>
 *   <li>integers as plain digits; any number with a fraction or exponent as a string of its plain
 *       decimal form, digits kept as written ({@code 49.50} becomes {@code "49.50"}, {@code 1e2}
 *       becomes {@code "100"});</li>
 *   <li>{@code true}, {@code false}, {@code null} as themselves; arrays keep their order;</li>
 *   <li>a key an object holds twice counts once, with its last value.</li>
 * </ul>
 * The text is read token by token and written as it is read; only an object whose keys are out of
 * order is put in order afterwards. A replay hashes every event this way, so no tree is built.
 */
public final class CanonicalJson {

    private static final JsonFactory JSON = new JsonFactory();

    private CanonicalJson() {}

    /** The canonical form of a JSON text; {@code null} (no text) is written as {@code null}. */
    public static String of(String json) {
        StringBuilder out = new StringBuilder(json == null ? 4 : json.length());
        write(json, out);
        return out.toString();
    }

    /** Appends the canonical form of a JSON text to {@code out}. */
    public static void write(String json, StringBuilder out) {
        if (json == null) {
            out.append("null");
            return;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() == null) {
                out.append("null");
            } else {
                value(parser, out);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("stored JSON could not be read", e);
        }
    }

    private static void value(JsonParser parser, StringBuilder out) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> object(parser, out);
            case START_ARRAY -> array(parser, out);
            case VALUE_NUMBER_INT -> {
                String digits = parser.getText();
                out.append("-0".equals(digits) ? "0" : digits);
            }
            case VALUE_NUMBER_FLOAT -> string(parser.getDecimalValue().toPlainString(), out);
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            case VALUE_STRING -> string(parser.getText(), out);
            default -> throw new IOException("unexpected " + token + " in stored JSON");
        }
    }

    private static void array(JsonParser parser, StringBuilder out) throws IOException {
        out.append('[');
        boolean first = true;
        while (next(parser) != JsonToken.END_ARRAY) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(parser, out);
        }
        out.append(']');
    }

    /** One member of an object as written: its key and where its text lies in the output. */
    private record Member(String name, int from, int to) {}

    private static void object(JsonParser parser, StringBuilder out) throws IOException {
        int start = out.length();
        out.append('{');
        List<Member> members = new ArrayList<>();
        boolean inOrder = true;
        while (next(parser) != JsonToken.END_OBJECT) {
            String name = parser.currentName();
            if (!members.isEmpty()) {
                out.append(',');
                inOrder &= name.compareTo(members.get(members.size() - 1).name()) > 0;
            }
            int from = out.length();
            string(name, out);
            out.append(':');
            next(parser);
            value(parser, out);
            members.add(new Member(name, from, out.length()));
        }
        if (!inOrder) {
            putInOrder(out, start, members);
        }
        out.append('}');
    }

    /** Rewrites the object's members from {@code start} sorted by key, the last of equal keys kept. */
    private static void putInOrder(StringBuilder out, int start, List<Member> members) {
        String written = out.substring(start);
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Member::name)); // stable: equal keys stay in document order
        out.setLength(start + 1);
        boolean first = true;
        for (int i = 0; i < sorted.size(); i++) {
            Member member = sorted.get(i);
            if (i + 1 < sorted.size() && sorted.get(i + 1).name().equals(member.name())) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(written, member.from() - start, member.to() - start);
        }
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IOException("stored JSON ends early");
        }
        return token;
    }

    /** Appends {@code text} as a JSON string in the canonical escaping. */
    public static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
