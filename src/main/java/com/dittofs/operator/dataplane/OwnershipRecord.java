package com.dittofs.operator.dataplane;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link Ownership} of one kind of object as a pass learns it. Kept up to date call by call, so that a pass that
 * fails half-way still reports what it created.
 */
final class OwnershipRecord {

    private final Set<String> created;
    private final Set<String> adopted;

    OwnershipRecord(Ownership before) {
        created = new LinkedHashSet<>(before.created());
        adopted = new LinkedHashSet<>(before.adopted());
    }

    /**
     * What dfs holds now: names it no longer has are dropped, those carrying the operator's mark are recorded as
     * created (the mark outlives a lost status).
     */
    void seen(Collection<String> existing, Collection<String> marked) {
        created.retainAll(existing);
        adopted.retainAll(existing);
        created.addAll(marked);
    }

    boolean isEmpty() {
        return created.isEmpty() && adopted.isEmpty();
    }

    void created(String name) {
        created.add(name);
        adopted.remove(name);
    }

    /** A declared object dfs already had: true when it was made by hand and is taken over now (say so once). */
    boolean found(String name) {
        return !created.contains(name) && adopted.add(name);
    }

    void deleted(String name) {
        created.remove(name);
        adopted.remove(name);
    }

    /** Created objects that are not declared present: left in dfs, to be named to people. */
    List<String> undeclared(Set<String> declaredPresent) {
        return created.stream().filter(n -> !declaredPresent.contains(n)).toList();
    }

    /** An adopted object that leaves the spec is a hand-made one again. */
    Ownership result(Set<String> declaredPresent) {
        List<String> kept = new ArrayList<>(adopted);
        kept.retainAll(declaredPresent);
        return new Ownership(List.copyOf(created), List.copyOf(kept));
    }
}
