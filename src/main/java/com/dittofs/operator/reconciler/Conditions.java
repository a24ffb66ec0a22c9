package com.dittofs.operator.reconciler;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/**
 * Builds a condition list from the previous one: lastTransitionTime only moves when the status flips, so a resync
 * that finds nothing new produces an identical list (and therefore no status write).
 */
final class Conditions {

    /** Longest condition message: one or two sentences, never a log. */
    static final int MAX_MESSAGE_LENGTH = 400;
    /** Lines of a stack trace, dropped wherever a message comes from. */
    private static final Pattern STACK_LINE = Pattern.compile(
            "^\\s*(at [\\w$./<>-]+\\(|\\.\\.\\. \\d+ (more|common frames)|Caused by:|Suppressed:).*");

    private final List<Condition> previous;
    private final long generation;
    private final Instant now;
    private final List<Condition> next = new ArrayList<>();

    Conditions(List<Condition> previous, Long generation, Instant now) {
        this.previous = previous == null ? List.of() : previous;
        this.generation = generation == null ? 0L : generation;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    Conditions set(String type, boolean status, String reason, String message) {
        return set(type, status ? "True" : "False", reason, message);
    }

    Conditions set(String type, String status, String reason, String message) {
        String transition = previous.stream()
                .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(now.toString());
        next.add(new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(tidy(message))
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build());
        return this;
    }

    /** Keeps a condition exactly as it was (its observedGeneration too): nothing new is known about it. */
    Conditions keep(Condition condition) {
        next.add(condition);
        return this;
    }

    /** One line without stack frames, at most {@link #MAX_MESSAGE_LENGTH} characters. */
    static String tidy(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.lines()
                .filter(line -> !STACK_LINE.matcher(line).matches())
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE_LENGTH ? oneLine
                : oneLine.substring(0, MAX_MESSAGE_LENGTH - 1).strip() + "…";
    }

    boolean isTrue(String type) {
        return next.stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    List<Condition> build() {
        return List.copyOf(next);
    }
}
