package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.dependent.DatabaseReadiness;
import com.dittofs.operator.events.EventReasons;
import org.junit.jupiter.api.Test;

/**
 * docs/TROUBLESHOOTING.md explains every condition type, condition reason and event reason the operator can emit:
 * each one is the first cell of a table row (with what it means and what to do) in the "Conditions" or "Events"
 * section. A reason added to the code without its entry fails here; so does an entry for a reason that is gone.
 */
class TroubleshootingDocTest {

    private static final Path DOC = Path.of("docs/TROUBLESHOOTING.md");
    private static final String CONDITIONS_SECTION = "Conditions";
    private static final String EVENTS_SECTION = "Events";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /**
     * Besides ConditionTypes, the classes that produce conditions: a CamelCase constant added there (rather than in
     * ConditionTypes) is taken for a reason and must be documented just the same.
     */
    private static final List<Class<?>> CONDITION_REASON_PRODUCERS = List.of(DataPlaneOutcome.class,
            DatabaseReadiness.class, StatusAggregator.class, DataPlaneStep.class,
            DittoServerReconciler.class);
    private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][a-z]+([A-Z][a-z0-9]*)*");

    @Test
    void everyConditionTypeAndReasonHasAnEntry() throws IOException {
        Map<String, List<String>> rows = tableRows(CONDITIONS_SECTION);
        assertThat(conditionVocabulary()).allSatisfy(name -> assertThat(rows)
                .as("docs/TROUBLESHOOTING.md, section \"%s\": a table row starting with `%s` (what it means, what"
                        + " to do)", CONDITIONS_SECTION, name)
                .containsKey(name));
    }

    @Test
    void everyEventReasonHasAnEntry() throws IOException {
        Map<String, List<String>> rows = tableRows(EVENTS_SECTION);
        assertThat(stringConstants(EventReasons.class)).isNotEmpty().allSatisfy(reason -> assertThat(rows)
                .as("docs/TROUBLESHOOTING.md, section \"%s\": a table row starting with `%s`", EVENTS_SECTION,
                        reason)
                .containsKey(reason));
    }

    @Test
    void everyEntrySaysWhatItMeansAndWhatToDo() throws IOException {
        for (String section : List.of(CONDITIONS_SECTION, EVENTS_SECTION)) {
            tableRows(section).forEach((name, cells) -> assertThat(cells.stream().filter(c -> !c.isBlank()).count())
                    .as("the row of `%s` in section \"%s\" explains it in at least two cells", name, section)
                    .isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void everyEntryNamesSomethingTheOperatorEmits() throws IOException {
        Set<String> known = new TreeSet<>(conditionVocabulary());
        assertThat(tableRows(CONDITIONS_SECTION).keySet()).as("documented but not in the code")
                .allSatisfy(name -> assertThat(known).contains(name));
        known.addAll(stringConstants(EventReasons.class));
        known.addAll(List.of("Normal", "Warning"));
        assertThat(tableRows(EVENTS_SECTION).keySet()).as("documented but not in the code")
                .allSatisfy(name -> assertThat(known).contains(name));
    }

    @Test
    void theVocabularyIsFoundByReflection() {
        // Guards the test itself: reflection must see the constants (types and reasons of every condition).
        assertThat(conditionVocabulary()).contains(ConditionTypes.READY, ConditionTypes.DATA_PLANE_READY,
                ConditionTypes.REASON_SECRET_MISSING, ConditionTypes.REASON_SERVER_UNREACHABLE,
                ConditionTypes.REASON_CLUSTER_CREATING);
        assertThat(stringConstants(EventReasons.class)).contains(EventReasons.CREATED,
                EventReasons.DATA_PLANE_CHANGED);
    }

    private static Set<String> conditionVocabulary() {
        Set<String> names = new TreeSet<>(stringConstants(ConditionTypes.class));
        CONDITION_REASON_PRODUCERS.forEach(type -> stringConstants(type).stream()
                .filter(value -> CAMEL_CASE.matcher(value).matches())
                .forEach(names::add));
        return names;
    }

    /** The values of every static final String field of a class, whatever its visibility. */
    static Set<String> stringConstants(Class<?> type) {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                    && !field.isSynthetic()) {
                try {
                    field.setAccessible(true);
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    /**
     * The table rows of a "## " section (including its subsections), keyed by each name in backticks in the first
     * cell; the value is the row's other cells.
     */
    static Map<String, List<String>> tableRows(String section) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                inside = line.substring(3).strip().equals(section);
                continue;
            }
            if (!inside || !line.startsWith("|") || line.matches("^\\|[\\s|:-]+$")) {
                continue;
            }
            List<String> cells = new ArrayList<>(Stream.of(line.substring(1).split("(?<!\\\\)\\|", -1))
                    .map(String::strip).toList());
            if (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            if (cells.isEmpty()) {
                continue;
            }
            Matcher names = CODE.matcher(cells.get(0));
            while (names.find()) {
                rows.put(names.group(1), cells.subList(1, cells.size()));
            }
        }
        assertThat(rows).as("docs/TROUBLESHOOTING.md has a section \"## %s\" with a table", section).isNotEmpty();
        return rows;
    }
}
