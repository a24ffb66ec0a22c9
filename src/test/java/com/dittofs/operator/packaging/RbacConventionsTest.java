package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RbacConventionsTest {

    @Test
    void onlyThePrimaryResourceLosesCreateAndDelete() throws Exception {
        JsonNode rules = Yaml.JSON.readTree("""
                [{"apiGroups": ["dittofs.dittofs.com"], "resources": ["dittoservers", "dittoservers/status"],
                  "verbs": ["get", "list", "watch", "patch", "update", "create", "delete"]},
                 {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["create", "delete", "get"]}]""");
        RbacConventions.narrowPrimaryRules(rules);
        RbacConventions.narrowPrimaryRules(rules); // idempotent
        assertThat(rules.get(0).get("verbs").toString()).isEqualTo("[\"get\",\"list\",\"watch\",\"patch\",\"update\"]");
        assertThat(rules.get(1).get("verbs").toString()).isEqualTo("[\"create\",\"delete\",\"get\"]");
    }
}
