package com.dittofs.operator.dataplane;

import java.util.List;

/** The users and groups the operator manages (from the status): those that leave the spec are deleted. */
public record ManagedAccess(List<String> users, List<String> groups) {

    public static ManagedAccess none() {
        return new ManagedAccess(List.of(), List.of());
    }
}
