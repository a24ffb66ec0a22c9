package com.dittofs.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How dfs turns a directory entry into a Unix UID and GID. */
public enum IdmapMode {
    /** The entry's uidNumber and gidNumber (RFC 2307 attributes). */
    @JsonProperty("rfc2307")
    RFC2307,
    /** Derived from the relative ID of the entry's objectSid (Samba's idmap_rid), for AD without RFC 2307. */
    @JsonProperty("rid")
    RID;

    /** The value dfs expects. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
