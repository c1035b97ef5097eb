package org.openrma.whatif.replay;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims in CSV (RFC 4180: comma separated, fields with commas, quotes or line breaks in double
 * quotes, a quote inside doubled). The first row names the columns, in one of two layouts:
 *
 * <ul>
 *   <li>a column {@code claim} holding the whole claim as JSON (other columns are ignored);</li>
 *   <li>otherwise each column is the dotted path of one field of the claim, with {@code [i]} for
 *       list items: {@code order.number, order.channel, order.placed_at, order.delivered_at,
 *       order.currency, order.lines[0].sku, order.lines[0].unit_price, order.lines[0].quantity,
 *       request.kind, request.submitted_at, request.reason, request.lines[0].sku,
 *       request.lines[0].condition, request.evidence, request.facts, request.costs.customs, ...}.
 *       An empty cell leaves the field out; a cell starting with {@code [} or <code>{</code> is
 *       JSON; {@code evidence}, {@code facts} and {@code tags} are lists separated by {@code |}
 *       ({@code photo|video}); {@code quantity} is a whole number and {@code keeps_free_gifts}
 *       true or false; everything else is text.</li>
 * </ul>
 *
 * Line numbers are those of the file: the header is line 1, and a record that spans lines is
 * reported at its first line.
 */
public final class CsvClaims {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?");

    /** One data row with the header it belongs to. */
    public record Row(List<String> header, List<String> cells) {

        /** The text of the column {@code claim} (a whole claim as JSON), or null when the layout has no such column. */
        String claimJson() {
            int claimColumn = header.indexOf("claim");
            return claimColumn >= 0 && claimColumn < cells.size() ? cells.get(claimColumn) : null;
        }

        /** The claim as a JSON tree; throws {@link IllegalArgumentException} naming the column at fault. */
        JsonNode tree() {
            int claimColumn = header.indexOf("claim");
            if (claimColumn >= 0) {
                String json = claimColumn < cells.size() ? cells.get(claimColumn) : "";
                if (json.isBlank()) {
                    throw new IllegalArgumentException("column 'claim' is empty");
                }
                try {
                    return JSON.readTree(json);
                } catch (JacksonException e) {
                    throw new IllegalArgumentException("column 'claim' is not valid JSON: " + e.getOriginalMessage());
                }
            }
            ObjectNode root = JSON.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                String value = i < cells.size() ? cells.get(i) : "";
                if (!value.isEmpty()) {
                    put(root, header.get(i), value);
                }
            }
            return root;
        }
    }

    private final Reader in;
    private List<String> header;
    private long line = 1;
    private int pushedBack = -2;

    public CsvClaims(Reader in) {
        this.in = in;
    }

    /** The next data row, or null at the end of the input. */
    public ClaimRecords.Raw next() throws IOException {
        if (header == null) {
            long at = line;
            List<String> names = readRecord();
            if (names == null) {
                return null;
            }
            if (!names.isEmpty() && names.getFirst().startsWith("\uFEFF")) {
                names.set(0, names.getFirst().substring(1));
            }
            header = names.stream().map(String::strip).toList();
            if (header.stream().anyMatch(h -> !h.equals("claim") && !validPath(h)) && !header.contains("claim")) {
                String bad = header.stream().filter(h -> !validPath(h)).findFirst().orElseThrow();
                throw new org.openrma.whatif.WhatIfInputException("--claims: line " + at + ": the CSV header column '" + bad
                        + "' is neither 'claim' nor a field path such as order.lines[0].sku");
            }
        }
        while (true) {
            long at = line;
            List<String> cells;
            try {
                cells = readRecord();
            } catch (UnterminatedQuote e) {
                return new ClaimRecords.Raw(at, null, null, "a quoted field is not closed before the end of the file");
            }
            if (cells == null) {
                return null;
            }
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue;
            }
            if (cells.size() != header.size()) {
                return new ClaimRecords.Raw(at, null, null, "expected " + header.size() + " CSV fields, found " + cells.size());
            }
            return new ClaimRecords.Raw(at, null, new Row(header, cells), null);
        }
    }

    private static final class UnterminatedQuote extends IOException {
        UnterminatedQuote() {
            super("unterminated quote");
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    /** One record's fields, or null at the end of the input. */
    private List<String> readRecord() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new UnterminatedQuote();
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        pushedBack = next;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private static boolean validPath(String path) {
        for (String step : path.split("\\.", -1)) {
            if (!STEP.matcher(step).matches()) {
                return false;
            }
        }
        return !path.isEmpty();
    }

    private static void put(ObjectNode root, String path, String value) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int s = 0; s < steps.length; s++) {
            Matcher m = STEP.matcher(steps[s]);
            if (!m.matches()) {
                throw new IllegalArgumentException("column '" + path + "' is not a field path");
            }
            String name = m.group(1);
            boolean last = s == steps.length - 1;
            ObjectNode object = (ObjectNode) node;
            if (m.group(2) == null) {
                if (last) {
                    object.set(name, value(name, value, path));
                } else {
                    node = object.get(name) instanceof ObjectNode child ? child : object.putObject(name);
                }
            } else {
                int index = Integer.parseInt(m.group(2));
                ArrayNode array = object.get(name) instanceof ArrayNode a ? a : object.putArray(name);
                while (array.size() <= index) {
                    array.addObject();
                }
                if (last) {
                    array.set(index, value(name, value, path));
                } else {
                    node = array.get(index);
                }
            }
        }
    }

    private static JsonNode value(String name, String value, String path) {
        String v = value.strip();
        if (v.startsWith("[") || v.startsWith("{")) {
            try {
                return JSON.readTree(v);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("column '" + path + "' is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return switch (name) {
            case "evidence", "facts", "tags" -> {
                ArrayNode list = JSON.createArrayNode();
                for (String word : v.split("\\|")) {
                    if (!word.isBlank()) {
                        list.add(word.strip());
                    }
                }
                yield list;
            }
            case "quantity" -> {
                try {
                    yield JSON.getNodeFactory().numberNode(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    yield JSON.getNodeFactory().stringNode(v);
                }
            }
            case "keeps_free_gifts" -> v.equalsIgnoreCase("true") ? JSON.getNodeFactory().booleanNode(true)
                    : v.equalsIgnoreCase("false") ? JSON.getNodeFactory().booleanNode(false) : JSON.getNodeFactory().stringNode(v);
            default -> JSON.getNodeFactory().stringNode(v);
        };
    }
}
