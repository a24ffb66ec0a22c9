package com.dittofs.operator.packaging;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** RBAC rules in a comparable form: the order of rules and of the entries in each rule carries no meaning. */
public final class Rbac {

    /** One PolicyRule with its lists as sorted sets. */
    public record Rule(Set<String> apiGroups, Set<String> resources, Set<String> resourceNames, Set<String> verbs)
            implements Comparable<Rule> {
        @Override
        public int compareTo(Rule o) {
            return toString().compareTo(o.toString());
        }
    }

    private Rbac() {
    }

    public static Set<Rule> rules(JsonNode rulesArray) {
        Set<Rule> rules = new TreeSet<>();
        for (JsonNode r : rulesArray) {
            rules.add(new Rule(set(r.get("apiGroups")), set(r.get("resources")), set(r.get("resourceNames")),
                    set(r.get("verbs"))));
        }
        return rules;
    }

    private static Set<String> set(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /** The only document of the given kind (and name, when not null). */
    public static JsonNode only(List<JsonNode> docs, String kind, String name) {
        List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText()))
                .filter(d -> name == null || name.equals(d.at("/metadata/name").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + kind + (name == null ? "" : " " + name) + ", found "
                    + found.size() + " among " + docs.stream().map(d -> d.path("kind").asText() + "/"
                            + d.at("/metadata/name").asText()).collect(Collectors.joining(", ")));
        }
        return found.get(0);
    }

    public static List<JsonNode> all(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }
}
