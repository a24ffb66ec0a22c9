package com.dittofs.operator.dfsclient;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What dfs says of its own build: the labels of the {@code dittofs_build_info} gauge on its metrics endpoint (dfs
 * v0.29.0 has no REST route that reports its version). A release image reports its release (e.g. {@code 0.29.0});
 * a dfs built from the Go module without release flags reports {@code dev} and commit {@code none}.
 *
 * @param version the {@code version} label
 * @param commit the {@code commit} label, or null when absent
 */
public record DfsBuildInfo(String version, String commit) {

    static final String METRIC = "dittofs_build_info";

    /** The build info in a Prometheus text (or OpenMetrics) exposition, if it has a well-formed one. */
    public static Optional<DfsBuildInfo> parse(String exposition) {
        return exposition.lines()
                .filter(line -> line.startsWith(METRIC + "{"))
                .map(line -> labels(line.substring(METRIC.length() + 1)))
                .filter(labels -> labels != null && labels.get("version") != null
                        && !labels.get("version").isBlank())
                .map(labels -> new DfsBuildInfo(labels.get("version"), labels.get("commit")))
                .findFirst();
    }

    /** The labels of a series, from just after its '{'; null when malformed. */
    private static Map<String, String> labels(String rest) {
        Map<String, String> labels = new HashMap<>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '}') {
                return labels;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int equals = rest.indexOf("=\"", i);
            if (equals < 0) {
                return null;
            }
            StringBuilder value = new StringBuilder();
            int end = unescape(rest, equals + 2, value);
            if (end < 0) {
                return null;
            }
            labels.put(rest.substring(i, equals).strip(), value.toString());
            i = end + 1;
        }
        return null; // no closing brace
    }

    /** Reads an escaped label value starting at {@code from} into {@code out}; the index of its closing quote. */
    private static int unescape(String s, int from, StringBuilder out) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return -1;
    }
}
