package com.dittofs.operator.reconciler;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The error a container's termination message (the end of its log) reports, said in one short line. Pure. */
final class TerminationLog {

    /** The "error" (or "err") and "msg" fields of a JSON log line. */
    private static final Pattern JSON_FIELD = Pattern.compile("\"(error|err|msg)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern JSON_ERROR_LEVEL = Pattern.compile("\"level\"\\s*:\\s*\"(ERROR|FATAL)\"");
    private static final Pattern TEXT_ERROR = Pattern.compile("error|fatal|panic", Pattern.CASE_INSENSITIVE);
    private static final int LAST_ERROR_LENGTH = 160;

    private TerminationLog() {
    }

    /**
     * ", last error: ..." from the end of the log in a termination message: the last line that reports an error (a
     * JSON line at level ERROR or FATAL: its msg and error fields; a text line that says error, fatal or panic, as
     * dfs's "Error: ..." on exit: without its timestamp), else the last line. No timestamps, so the message stays
     * the same from one crash to the next. Empty when the log is empty.
     */
    static String lastError(String log, Collection<String> secretValues) {
        if (log == null || log.isBlank()) {
            return "";
        }
        List<String> lines = log.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String found = null;
        for (int i = lines.size() - 1; i >= 0 && found == null; i--) {
            found = errorOf(lines.get(i));
        }
        if (found == null) {
            String last = lines.get(lines.size() - 1);
            found = last.startsWith("{") ? jsonText(last) : withoutTimestamp(last);
        }
        for (String secret : secretValues) {
            if (secret != null && secret.length() >= 4) {
                found = found.replace(secret, "***");
            }
        }
        found = found.strip();
        if (found.length() > LAST_ERROR_LENGTH) {
            found = found.substring(0, LAST_ERROR_LENGTH - 1).strip() + "…";
        }
        return found.isEmpty() ? "" : ", last error: " + found;
    }

    /** The error a log line reports, or null when it reports none. */
    private static String errorOf(String line) {
        if (line.startsWith("{")) {
            return JSON_ERROR_LEVEL.matcher(line).find() ? jsonText(line) : null;
        }
        return TEXT_ERROR.matcher(line).find() ? withoutTimestamp(line) : null;
    }

    /** "msg: error" of a JSON log line (either alone when the other is missing). */
    private static String jsonText(String line) {
        String msg = null;
        String error = null;
        Matcher m = JSON_FIELD.matcher(line);
        while (m.find()) {
            String value = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
            if ("msg".equals(m.group(1))) {
                msg = msg == null ? value : msg;
            } else {
                error = error == null ? value : error;
            }
        }
        return error == null ? (msg == null ? line : msg) : msg == null ? error : msg + ": " + error;
    }

    private static String withoutTimestamp(String line) {
        return line.replaceFirst("^(\\d{4}[-/]\\d{2}[-/]\\d{2}\\s+)?\\S*\\d{2}:\\d{2}:\\d{2}\\S*\\s+", "")
                .replaceFirst("^\\[?(DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\]?:?\\s+", "")
                .replaceFirst("^Error:\\s+", "");
    }
}
