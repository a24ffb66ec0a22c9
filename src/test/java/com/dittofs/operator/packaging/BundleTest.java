package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committed OLM bundle (bundle/, registry+v1 layout) is exactly what the build generates into
 * target/bundle/dittofs-operator, and it is a complete, valid-looking bundle. Runs in the package phase, after
 * quarkus:build and PackagingArtifacts.
 */
class BundleTest {

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    static final Path COMMITTED = Build.ARTIFACTS.committedBundle();
    static final Path GENERATED = Build.ARTIFACTS.generatedBundle();
    static final String DFS_IMAGE = "marmos91c/dittofs:v0.29.0";
    /**
     * This project's repository, which the CSV links to. A placeholder until a maintainer confirms it (as are the
     * maintainers' e-mail addresses): the CSV overlay (src/main/csv) sets it once, as packaging.repository.
     */
    static final String REPOSITORY = "https://github.com/dittofs/dittofs-operator";
    /** The file server's own repository, the one link that may point elsewhere. */
    static final String DFS_REPOSITORY = "https://github.com/marmos91/dittofs";

    final JsonNode csv = Build.csv(COMMITTED);
    final JsonNode spec = csv.get("spec");

    @Test
    void committedBundleIsExactlyTheGeneratedOne() {
        Build.assertSameTree(COMMITTED, GENERATED);
    }

    @Test
    void generationIsDeterministic() throws Exception {
        // Running the finishing step again over its own output must change nothing (and nothing in it may depend on
        // time, user or machine: the committed copy was generated elsewhere and still matches).
        Path csvFile = GENERATED.resolve("manifests").resolve(PackagingArtifacts.CSV_FILE);
        String before = Files.readString(csvFile);
        Build.ARTIFACTS.finishCsv();
        assertThat(Files.readString(csvFile)).isEqualTo(before);
        assertThat(csv.at("/metadata/annotations").has("createdAt")).as("createdAt is a build timestamp").isFalse();
        assertThat(spec.at("/provider/name").asText())
                .as("the generator's default provider is the build user's name").isEqualTo("DittoFS");
    }

    @Test
    void registryV1Layout() throws Exception {
        try (var files = Files.list(COMMITTED.resolve("manifests"))) {
            // besides the CSV and the CRDs, the ClusterRoles for DittoServer users (UserRolesTest)
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "dittofs-operator-edit_rbac.authorization.k8s.io_v1_clusterrole.yaml",
                    "dittofs-operator-view_rbac.authorization.k8s.io_v1_clusterrole.yaml", PackagingArtifacts.CSV_FILE,
                    PackagingArtifacts.CRD_FILE, OwnedKind.RESTORE.bundleFile(), OwnedKind.SNAPSHOT.bundleFile());
        }
        JsonNode annotations = Yaml.read(COMMITTED.resolve("metadata/annotations.yaml")).get("annotations");
        assertThat(annotations.path("operators.operatorframework.io.bundle.mediatype.v1").asText())
                .isEqualTo("registry+v1");
        assertThat(annotations.path("operators.operatorframework.io.bundle.manifests.v1").asText())
                .isEqualTo("manifests/");
        assertThat(annotations.path("operators.operatorframework.io.bundle.metadata.v1").asText())
                .isEqualTo("metadata/");
        assertThat(annotations.path("operators.operatorframework.io.bundle.package.v1").asText())
                .isEqualTo("dittofs-operator");
        assertThat(annotations.path("operators.operatorframework.io.bundle.channels.v1").asText()).isEqualTo("alpha");
        assertThat(annotations.path("operators.operatorframework.io.bundle.channel.default.v1").asText())
                .isEqualTo("alpha");
    }

    @Test
    void dockerfileLabelsAreTheMetadataAnnotations() throws Exception {
        assertDockerfileMatchesAnnotations(COMMITTED);
    }

    /**
     * bundle.Dockerfile: FROM scratch, one LABEL per annotation of metadata/annotations.yaml with the same value (an
     * image's labels are what OLM reads; annotations.yaml is what a catalogue's index reads), the directories copied.
     */
    static void assertDockerfileMatchesAnnotations(Path bundle) throws java.io.IOException {
        List<String> dockerfile = Files.readAllLines(bundle.resolve("bundle.Dockerfile"));
        assertThat(dockerfile).contains("FROM scratch", "COPY manifests /manifests/", "COPY metadata /metadata/");
        Map<String, String> labels = new TreeMap<>();
        dockerfile.stream().filter(l -> l.startsWith("LABEL ")).map(l -> l.substring(6).split("=", 2))
                .forEach(kv -> labels.put(kv[0], kv[1]));
        Map<String, String> annotations = new TreeMap<>();
        Yaml.read(bundle.resolve("metadata/annotations.yaml")).path("annotations").fields()
                .forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        assertThat(annotations).as("metadata/annotations.yaml").isNotEmpty();
        assertThat(labels).as("LABELs of %s vs metadata/annotations.yaml", bundle.relativize(
                bundle.resolve("bundle.Dockerfile"))).isEqualTo(annotations);
    }

    @Test
    void csvDescribesTheOperator() throws IllegalAccessException {
        assertThat(csv.at("/metadata/name").asText()).isEqualTo("dittofs-operator.v" + Build.projectVersion()
                .toLowerCase());
        assertThat(spec.path("version").asText()).isEqualTo(Build.projectVersion());
        assertThat(spec.path("displayName").asText()).isEqualTo("DittoFS Operator");
        assertThat(spec.path("description").asText()).contains("DittoServer").hasSizeGreaterThan(200);
        // every condition a DittoServer can show, by the one list of them
        for (var field : com.dittofs.operator.api.v1alpha1.ConditionTypes.class.getFields()) {
            if (!field.getName().startsWith("REASON_")) {
                assertThat(spec.path("description").asText()).as("the CSV description names the condition")
                        .containsAnyOf("`" + field.get(null) + "`", "`" + field.get(null) + "=");
            }
        }
        assertThat(spec.path("keywords")).isNotEmpty();
        assertThat(spec.path("maturity").asText()).isNotBlank();
        assertThat(spec.path("minKubeVersion").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(spec.path("maintainers")).isNotEmpty().allSatisfy(m -> {
            assertThat(m.path("name").asText()).isNotBlank();
            assertThat(m.path("email").asText()).as("e-mail of maintainer " + m)
                    .matches("[^@\\s]+@[^@\\s]+\\.[a-z]+");
        });
        assertThat(spec.path("links")).isNotEmpty().allSatisfy(l -> {
            assertThat(l.path("name").asText()).isNotBlank();
            assertThat(l.path("url").asText()).as(l.toString()).satisfiesAnyOf(
                    url -> assertThat(url).startsWith(REPOSITORY), url -> assertThat(url).isEqualTo(DFS_REPOSITORY));
        });
        assertThat(spec.path("links").findValuesAsText("url")).filteredOn(u -> u.startsWith(REPOSITORY)).hasSize(3);
        assertThat(spec.at("/provider/url").asText()).startsWith(REPOSITORY);
        assertThat(csv.at("/metadata/annotations/repository").asText()).isEqualTo(REPOSITORY);
        assertThat(csv.toString()).as("an unexpanded placeholder").doesNotContain(CsvOverlay.REPOSITORY_PLACEHOLDER);
        assertThat(spec.path("icon")).hasSize(1);
        JsonNode icon = spec.path("icon").get(0);
        assertThat(icon.path("mediatype").asText()).isEqualTo("image/png");
        byte[] png = Base64.getDecoder().decode(icon.path("base64data").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        JsonNode annotations = csv.at("/metadata/annotations");
        assertThat(annotations.path("capabilities").asText()).isIn("Basic Install", "Seamless Upgrades",
                "Full Lifecycle", "Deep Insights", "Auto Pilot");
        assertThat(annotations.path("categories").asText()).isNotBlank();
        assertThat(annotations.path("description").asText()).isNotBlank();
        assertThat(annotations.path("olm.skipRange").asText()).as("OLM upgrades from any earlier version")
                .isEqualTo("<" + Build.projectVersion());
    }

    @Test
    void openShiftFeatureAnnotationsAreAllSaid() {
        // the console filters on these; the committed bundle names images by tag, so it cannot be mirrored as it is
        // (hack/release-bundle.sh pins them and says disconnected "true": ReleaseBundleTest)
        JsonNode annotations = csv.at("/metadata/annotations");
        Map<String, String> features = new TreeMap<>();
        annotations.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("features.operators.openshift.io/")) {
                features.put(e.getKey().substring("features.operators.openshift.io/".length()), e.getValue().asText());
            }
        });
        Map<String, String> expected = new TreeMap<>();
        for (String feature : List.of("disconnected", "fips-compliant", "proxy-aware", "tls-profiles", "token-auth-aws",
                "token-auth-azure", "token-auth-gcp", "cnf", "cni", "csi")) {
            expected.put(feature, "false");
        }
        assertThat(features).isEqualTo(expected);
    }

    @Test
    void everyInstallModeIsSupported() {
        Map<String, Boolean> modes = new TreeMap<>();
        spec.path("installModes").forEach(m -> modes.put(m.path("type").asText(), m.path("supported").asBoolean()));
        assertThat(modes).containsExactlyInAnyOrderEntriesOf(Map.of("OwnNamespace", true, "SingleNamespace", true,
                "MultiNamespace", true, "AllNamespaces", true));
        // ...which works because OLM hands the target namespaces to the operator through this variable
        JsonNode env = deploymentContainer().path("env");
        assertThat(env).anySatisfy(e -> {
            assertThat(e.path("name").asText()).isEqualTo("QUARKUS_OPERATOR_SDK_CONTROLLERS_DITTOSERVER_NAMESPACES");
            assertThat(e.at("/valueFrom/fieldRef/fieldPath").asText())
                    .isEqualTo("metadata.annotations['olm.targetNamespaces']");
        });
    }

    @Test
    void ownsTheDittoSnapshotCrdWithDescriptors() {
        JsonNode owned = spec.at("/customresourcedefinitions/owned");
        JsonNode crd = java.util.stream.StreamSupport.stream(owned.spliterator(), false)
                .filter(c -> OwnedKind.SNAPSHOT.crdName().equals(c.path("name").asText())).findFirst()
                .orElseThrow();
        assertThat(crd.path("kind").asText()).isEqualTo("DittoSnapshot");
        assertThat(crd.path("version").asText()).isEqualTo("v1alpha1");
        assertThat(crd.path("displayName").asText()).isNotBlank();
        assertThat(crd.path("description").asText()).isNotBlank();
        JsonNode schema = Yaml.read(COMMITTED.resolve("manifests")
                .resolve(OwnedKind.SNAPSHOT.bundleFile()))
                .at("/spec/versions/0/schema/openAPIV3Schema/properties");
        for (String part : List.of("spec", "status")) {
            assertThat(crd.path(part + "Descriptors")).isNotEmpty().allSatisfy(d -> {
                assertThat(d.path("displayName").asText()).isNotBlank();
                assertThat(schema.path(part).path("properties").has(d.path("path").asText())).as(d.toString())
                        .isTrue();
            });
        }
    }

    @Test
    void ownsTheDittoServerCrdWithDescriptors() {
        JsonNode owned = spec.at("/customresourcedefinitions/owned");
        assertThat(owned).hasSize(3);
        JsonNode crd = owned.get(0);
        assertThat(crd.path("name").asText()).isEqualTo(PackagingArtifacts.CRD_NAME);
        assertThat(crd.path("kind").asText()).isEqualTo("DittoServer");
        assertThat(crd.path("version").asText()).isEqualTo("v1alpha1");
        assertThat(crd.path("displayName").asText()).isNotBlank();
        assertThat(crd.path("description").asText()).isNotBlank();
        assertThat(spec.at("/customresourcedefinitions/required")).isEmpty();

        JsonNode schema = Yaml.read(COMMITTED.resolve("manifests").resolve(PackagingArtifacts.CRD_FILE))
                .at("/spec/versions/0/schema/openAPIV3Schema/properties");
        assertThat(crd.path("specDescriptors")).isNotEmpty();
        assertThat(crd.path("statusDescriptors")).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String part : List.of("spec", "status")) {
            for (JsonNode d : crd.path(part + "Descriptors")) {
                assertThat(d.path("displayName").asText()).as(d.toString()).isNotBlank();
                assertThat(d.path("x-descriptors")).as(d.toString()).isNotEmpty()
                        .allSatisfy(x -> assertThat(x.asText()).startsWith("urn:alm:descriptor:"));
                JsonNode node = schema.path(part);
                for (String segment : d.path("path").asText().split("\\.")) {
                    // an array item is written name[0]: the items of property name
                    boolean item = segment.endsWith("[0]");
                    node = node.path("properties").path(item ? segment.substring(0, segment.length() - 3) : segment);
                    node = item ? node.path("items") : node;
                }
                if (node.isMissingNode()) {
                    missing.add(part + "." + d.path("path").asText());
                }
            }
        }
        assertThat(missing).as("descriptor paths that are not in the CRD schema").isEmpty();
        // the console's form covers every section of the spec, not only the first ones written
        List<String> specPaths = crd.path("specDescriptors").findValuesAsText("path");
        for (String section : List.of("storage.", "shares[0].", "identity.", "database.", "percona.", "logging.",
                "users[0].", "groups[0].", "networkPolicy.", "controlPlane.tls.")) {
            assertThat(specPaths).as("spec descriptors of " + section).anySatisfy(p -> assertThat(p).startsWith(section));
        }
        List<String> statusPaths = crd.path("statusDescriptors").findValuesAsText("path");
        assertThat(statusPaths).contains("shares[0].ready", "managedShares", "image", "dfsVersion");
        for (String section : List.of("volumes[0].", "users[0].")) {
            assertThat(statusPaths).as("status descriptors of " + section)
                    .anySatisfy(p -> assertThat(p).startsWith(section));
        }
    }

    @Test
    void nativeApisAreOnlyBuiltInKubernetesApis() {
        // OLM keeps a CSV Pending while a nativeAPI is missing: an optional CRD-based dependent (Percona) must be
        // listed under packaging.optionalNativeAPIs in src/main/csv/dittofs-operator.csv.yaml instead.
        assertThat(spec.path("nativeAPIs")).isNotEmpty().allSatisfy(api -> assertThat(api.path("group").asText())
                .as(api.toString()).matches("|apps|batch|policy|[a-z0-9.-]*\\.k8s\\.io"));
    }

    @Test
    void bundledCrdIsTheGeneratedCrd() {
        assertThat(Yaml.read(COMMITTED.resolve("manifests").resolve(PackagingArtifacts.CRD_FILE))
                .equals(Yaml.read(Build.generatedCrd()))).as("bundle CRD vs target/kubernetes; " + Build.SYNC_HINT)
                .isTrue();
    }

    @Test
    void rbacIsThePermissionsOfTheGeneratedManifests() {
        JsonNode install = spec.at("/install/spec");
        assertThat(spec.at("/install/strategy").asText()).isEqualTo("deployment");
        JsonNode cluster = install.path("clusterPermissions");
        assertThat(cluster).hasSize(1);
        assertThat(cluster.get(0).path("serviceAccountName").asText()).isEqualTo("dittofs-operator");
        assertThat(Rbac.rules(cluster.get(0).path("rules")))
                .isEqualTo(Rbac.rules(Build.generatedClusterRole().path("rules")));

        JsonNode ns = install.path("permissions");
        assertThat(ns).hasSize(1);
        assertThat(ns.get(0).path("serviceAccountName").asText()).isEqualTo("dittofs-operator");
        JsonNode leaderElection = Rbac.only(Build.generatedManifests(), "Role", "dittofs-operator-leader-election");
        assertThat(Rbac.rules(ns.get(0).path("rules"))).isEqualTo(Rbac.rules(leaderElection.path("rules")));

        JsonNode deployments = install.path("deployments");
        assertThat(deployments).hasSize(1);
        assertThat(deployments.get(0).path("name").asText()).isEqualTo("dittofs-operator");
        assertThat(deployments.get(0).at("/spec/template/spec/serviceAccountName").asText())
                .isEqualTo("dittofs-operator");
    }

    @Test
    void almExamplesAreTheSampleDittoServersAndOneOfEachOtherKind() throws Exception {
        String almExamples = csv.at("/metadata/annotations/alm-examples").asText();
        JsonNode examples = Yaml.JSON.readTree(almExamples);
        assertThat(examples.isArray()).isTrue();
        List<JsonNode> servers = new ArrayList<>();
        List<JsonNode> snapshots = new ArrayList<>();
        List<JsonNode> restores = new ArrayList<>();
        examples.forEach(e -> (switch (e.path("kind").asText()) {
            case "DittoSnapshot" -> snapshots;
            case "DittoSnapshotRestore" -> restores;
            default -> servers;
        }).add(e));
        assertThat(servers).isNotEmpty().allSatisfy(example -> {
            assertThat(example.path("apiVersion").asText()).isEqualTo("dittofs.dittofs.com/v1alpha1");
            assertThat(example.path("kind").asText()).isEqualTo("DittoServer");
            assertThat(example.at("/metadata/name").asText()).isNotBlank();
            assertThat(example.at("/spec/storage/metadataSize").asText()).as(example.toString()).isNotBlank();
        });
        Set<String> samples;
        try (var files = Files.list(Build.BASE.resolve("docs/samples"))) {
            samples = files.flatMap(f -> Yaml.readAll(f).stream())
                    .filter(d -> "DittoServer".equals(d.path("kind").asText()))
                    .map(d -> d.at("/metadata/name").asText()).collect(Collectors.toSet());
        }
        List<String> names = new ArrayList<>();
        servers.forEach(e -> names.add(e.at("/metadata/name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(samples);
        // every owned API needs an example (bundle-validate warns otherwise); the snapshot names a sample server
        assertThat(snapshots).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.path("apiVersion").asText()).isEqualTo("dittofs.dittofs.com/v1alpha1");
            assertThat(snapshot.at("/spec/server").asText()).isIn(samples);
            assertThat(snapshot.at("/spec/share").asText()).startsWith("/");
        });
        assertThat(restores).singleElement().satisfies(restore -> {
            assertThat(restore.at("/spec/server").asText()).isIn(samples);
            assertThat(restore.at("/spec/snapshot/dittoSnapshotName").asText())
                    .isEqualTo(snapshots.get(0).at("/metadata/name").asText());
        });
    }

    @Test
    void relatedImagesPinTheOperatorAndTheFileServer() {
        String operatorImage = deploymentContainer().path("image").asText();
        assertThat(operatorImage).matches("[a-z0-9.-]+/[a-z0-9-]+/dittofs-operator:[A-Za-z0-9._-]+");
        Map<String, String> related = new TreeMap<>();
        spec.path("relatedImages").forEach(r -> related.put(r.path("name").asText(), r.path("image").asText()));
        assertThat(related).containsEntry("dittofs-operator", operatorImage).containsEntry("dittofs", DFS_IMAGE);
        assertThat(csv.at("/metadata/annotations/containerImage").asText()).isEqualTo(operatorImage);
    }

    @Test
    void operatorDeploymentProbesTheHealthEndpoints() {
        // the generic hardening (security contexts, resources, probes present, image tag) is ManifestLintTest's
        JsonNode container = deploymentContainer();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    }

    private JsonNode deploymentContainer() {
        return spec.at("/install/spec/deployments/0/spec/template/spec/containers/0");
    }
}
