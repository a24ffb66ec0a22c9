package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a declared share, user or group should exist in dfs. Nothing is deleted from dfs because it is missing
 * from the spec: deletion is asked for with {@code absent}.
 */
public enum Ensure {
    @JsonProperty("present")
    PRESENT,
    @JsonProperty("absent")
    ABSENT;

    /** Null (an object built in code, before the CRD's default) counts as present. */
    public static boolean absent(Ensure ensure) {
        return ensure == ABSENT;
    }
}
