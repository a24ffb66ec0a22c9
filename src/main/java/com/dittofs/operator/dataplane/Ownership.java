package com.dittofs.operator.dataplane;

import java.util.List;

/**
 * What the operator records of one kind of dfs object (shares, users or groups), carried from pass to pass in the
 * status. A record for people and for announcing an adoption once: nothing is ever deleted because a name is, or is
 * not, in it (only {@code ensure: absent} deletes).
 *
 * @param created those the operator created in dfs and that are still there, declared or not
 * @param adopted declared ones that existed in dfs before they were declared (made by hand)
 */
public record Ownership(List<String> created, List<String> adopted) {

    public static Ownership none() {
        return new Ownership(List.of(), List.of());
    }

    /** From the status's lists, either of which may be absent. */
    public static Ownership of(List<String> created, List<String> adopted) {
        return new Ownership(created == null ? List.of() : List.copyOf(created),
                adopted == null ? List.of() : List.copyOf(adopted));
    }

    boolean isEmpty() {
        return created.isEmpty() && adopted.isEmpty();
    }
}
