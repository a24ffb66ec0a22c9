package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ClusterRoles for DittoServer users (src/main/rbac/dittoserver-user-roles.yaml): aggregated into the built-in
 * view, edit and admin roles, read-only for view, never the status for anyone, and shipped unchanged by every install
 * path (deploy/operator.yaml, the OLM bundle, the chart under its release's name). PackagingClusterIT checks what they
 * grant on a real apiserver.
 */
class UserRolesTest extends WithHelm {

    static final String AGGREGATE = "rbac.authorization.k8s.io/aggregate-to-";
    static final String GROUP = "dittofs.dittofs.com";
    final List<JsonNode> roles = Yaml.readAll(Build.BASE.resolve(PackagingArtifacts.USER_ROLES));

    @Test
    void viewReadsAndEditWritesEveryKindOfTheOperator() {
        JsonNode view = Rbac.only(roles, "ClusterRole", "dittofs-operator-view");
        assertThat(aggregatesTo(view)).containsExactly("view");
        Set<String> read = Set.of("dittoservers", "dittoservers/status", "dittosnapshots", "dittosnapshots/status",
                "dittosnapshotrestores", "dittosnapshotrestores/status");
        assertThat(Rbac.rules(view.path("rules"))).containsExactly(new Rbac.Rule(Set.of(GROUP), read, Set.of(),
                Set.of("get", "list", "watch")));

        JsonNode edit = Rbac.only(roles, "ClusterRole", "dittofs-operator-edit");
        assertThat(aggregatesTo(edit)).containsExactly("admin", "edit");
        assertThat(Rbac.rules(edit.path("rules"))).containsExactlyInAnyOrder(
                new Rbac.Rule(Set.of(GROUP), read, Set.of(), Set.of("get", "list", "watch")),
                new Rbac.Rule(Set.of(GROUP), Set.of("dittoservers", "dittosnapshots", "dittosnapshotrestores"), Set.of(),
                        Set.of("create", "delete", "deletecollection", "patch", "update")));
        assertThat(roles).hasSize(2);
    }

    @Test
    void kubectlManifestsAndBundleShipThemUnchanged() throws IOException {
        List<JsonNode> deploy = Yaml.readAll(Build.ARTIFACTS.committedDeploy().resolve("operator.yaml"));
        for (JsonNode role : roles) {
            String name = role.at("/metadata/name").asText();
            assertThat(Rbac.only(deploy, "ClusterRole", name)).isEqualTo(role);
            var file = Build.ARTIFACTS.committedBundle().resolve("manifests")
                    .resolve(name + "_rbac.authorization.k8s.io_v1_clusterrole.yaml");
            assertThat(Yaml.readAll(Files.readString(file))).containsExactly(role);
        }
    }

    @Test
    void theChartRendersTheSameRolesUnderItsReleaseName() {
        List<JsonNode> chart = helm.render("files", "team-a");
        for (String suffix : List.of("view", "edit")) {
            JsonNode shipped = Rbac.only(roles, "ClusterRole", "dittofs-operator-" + suffix);
            JsonNode rendered = Rbac.only(chart, "ClusterRole", "files-dittofs-operator-" + suffix);
            assertThat(Rbac.rules(rendered.path("rules"))).isEqualTo(Rbac.rules(shipped.path("rules")));
            assertThat(aggregatesTo(rendered)).isEqualTo(aggregatesTo(shipped));
        }
        List<JsonNode> without = helm.render("files", "team-a", "--set", "rbac.aggregateToDefaultRoles=false");
        assertThat(Rbac.all(without, "ClusterRole")).extracting(r -> r.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("files-dittofs-operator", "files-dittofs-operator-cluster-scoped");
    }

    /** The built-in roles the labels aggregate a role into, sorted. */
    static List<String> aggregatesTo(JsonNode role) {
        List<String> into = new java.util.ArrayList<>();
        role.at("/metadata/labels").fields().forEachRemaining(l -> {
            if (l.getKey().startsWith(AGGREGATE) && "true".equals(l.getValue().asText())) {
                into.add(l.getKey().substring(AGGREGATE.length()));
            }
        });
        return into.stream().sorted().toList();
    }
}
