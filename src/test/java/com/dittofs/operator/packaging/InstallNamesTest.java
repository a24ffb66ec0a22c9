package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The three install paths name the same objects alike, so that an install moves between them by taking objects over
 * (docs/INSTALL.md, "Switching install method"): deploy/ and the chart with default values and the documented release
 * name create exactly the same objects, the OLM bundle's Deployment, ServiceAccount and container are named alike,
 * and INSTALL.md's table of names says so.
 */
class InstallNamesTest extends WithHelm {

    static final String RELEASE = "dittofs-operator";
    static final String NS = PackagingArtifacts.OPERATOR_NAMESPACE;

    final List<JsonNode> kubectl = kubectlObjects();

    static List<JsonNode> kubectlObjects() {
        List<JsonNode> docs = new ArrayList<>(Yaml.readAll(Build.ARTIFACTS.committedDeploy().resolve("crd.yaml")));
        docs.addAll(Yaml.readAll(Build.ARTIFACTS.committedDeploy().resolve("operator.yaml")));
        // the namespace is the cluster admin's with Helm (labelled by hand, see INSTALL.md), and deploy/'s own
        return docs.stream().filter(d -> !"Namespace".equals(d.path("kind").asText())).toList();
    }

    /** The release's objects; helm test's pod is not installed with it. */
    List<JsonNode> helmObjects() {
        return helm.render(RELEASE, NS).stream()
                .filter(d -> d.at("/metadata/annotations/helm.sh~1hook").isMissingNode()).toList();
    }

    @Test
    void kubectlAndHelmCreateTheSameObjects() {
        assertThat(refs(helmObjects())).as("helm template %s -n %s (default values) vs deploy/", RELEASE, NS)
                .isEqualTo(refs(kubectl));
    }

    @Test
    void kubectlHelmAndOlmNameTheContainerAlike() {
        List<String> helmContainers = containers(Rbac.only(helmObjects(), "Deployment", RELEASE).at("/spec"));
        assertThat(helmContainers).containsExactly(PackagingArtifacts.PACKAGE)
                .isEqualTo(containers(Rbac.only(kubectl, "Deployment", RELEASE).at("/spec")));
        JsonNode install = Build.csv(Build.ARTIFACTS.committedBundle()).at("/spec/install/spec");
        JsonNode olm = install.at("/deployments/0");
        assertThat(olm.path("name").asText()).isEqualTo(RELEASE);
        assertThat(containers(olm.path("spec"))).isEqualTo(helmContainers);
        String serviceAccount = Rbac.only(kubectl, "ServiceAccount", null).at("/metadata/name").asText();
        assertThat(olm.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(serviceAccount);
        for (String kind : List.of("clusterPermissions", "permissions")) {
            assertThat(install.path(kind).findValuesAsText("serviceAccountName")).as(kind)
                    .containsOnly(serviceAccount);
        }
    }

    @Test
    void installDocNamesEveryObject() throws IOException {
        String table = String.join("\n", InstallDocTest.tableAfter("The objects each install path creates:"));
        for (String ref : refs(kubectl)) {
            String name = ref.substring(ref.indexOf(' ') + 1);
            assertThat(table).as("INSTALL.md's table of names, for " + ref).contains("`" + name + "`");
        }
        assertThat(table).contains("`" + PackagingArtifacts.PACKAGE + "`");
    }

    /** "Kind namespace/name" or "Kind name" of each object. */
    static Set<String> refs(List<JsonNode> docs) {
        Set<String> refs = new TreeSet<>();
        for (JsonNode d : docs) {
            String ns = d.at("/metadata/namespace").asText();
            refs.add(d.path("kind").asText() + " " + (ns.isEmpty() ? "" : ns + "/") + d.at("/metadata/name").asText());
        }
        return refs;
    }

    static List<String> containers(JsonNode deploymentSpec) {
        List<String> names = new ArrayList<>();
        deploymentSpec.at("/template/spec/containers").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }
}
