package com.dittofs.operator.dataplane;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's time.ParseDuration, and dfs's snapshot interval on top of it: dfs writes intervals back as Go's
 * Duration.String() ("24h0m0s" for "@daily"), so declared and reported values are compared as durations.
 */
public final class GoDurations {

    private static final Pattern WHOLE = Pattern.compile(
            "[-+]?(?:0|(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+)");
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final Map<String, Duration> SHORTHANDS = Map.of("@hourly", Duration.ofHours(1),
            "@daily", Duration.ofDays(1), "@weekly", Duration.ofDays(7));

    private GoDurations() {
    }

    /** A Go duration ("1h30m", "0", "-2s"). */
    public static Duration parse(String text) {
        String s = text.trim();
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException("not a Go duration: " + text);
        }
        boolean negative = s.startsWith("-");
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(s);
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1).startsWith(".") ? "0" + part.group(1) : part.group(1))
                    .multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
        }
        Duration d = Duration.ofNanos(nanos.longValueExact());
        return negative ? d.negated() : d;
    }

    /** A snapshot interval as dfs reads it: @hourly, @daily, @weekly (any case) or a Go duration. */
    public static Duration interval(String text) {
        Duration shorthand = SHORTHANDS.get(text.trim().toLowerCase(Locale.ROOT));
        return shorthand != null ? shorthand : parse(text);
    }

    /** A snapshot ttl as dfs reads it: absent, "" or "0" is no age bound (zero). */
    public static Duration ttl(String text) {
        return text == null || text.isBlank() ? Duration.ZERO : parse(text);
    }
}
