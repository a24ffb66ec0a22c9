package com.dittofs.operator.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one data-plane pass made, as few event messages as there are kinds of change (the first word:
 * Created, Updated, Deleted, Granted, Revoked, ...): a first sync of a server with 50 users and their grants writes
 * two or three Events, not a hundred. Pure.
 */
public final class DataPlaneChanges {

    private DataPlaneChanges() {
    }

    /** One message per kind of change, in the order the kinds first occurred. */
    public static List<String> messages(List<String> changes) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        changes.forEach(c -> byKind.computeIfAbsent(kind(c), k -> new ArrayList<>()).add(c));
        return byKind.values().stream().map(DataPlaneChanges::message).toList();
    }

    private static String kind(String change) {
        int space = change.indexOf(' ');
        return space < 0 ? change : change.substring(0, space);
    }

    private static String message(List<String> changes) {
        if (changes.size() == 1) {
            return changes.get(0);
        }
        StringBuilder message = new StringBuilder(changes.size() + " changes: ");
        for (int i = 0; i < changes.size(); i++) {
            String next = (i == 0 ? "" : "; ") + changes.get(i);
            String rest = i == changes.size() - 1 ? "" : " (and " + (changes.size() - i) + " more)";
            if (message.length() + next.length() + rest.length() > EventRecorder.MAX_MESSAGE) {
                return message.append(" (and " + (changes.size() - i) + " more)").toString();
            }
            message.append(next);
        }
        return message.toString();
    }
}
