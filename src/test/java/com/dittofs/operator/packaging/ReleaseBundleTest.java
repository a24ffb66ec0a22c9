package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * hack/release-bundle.sh, as release.yml runs it: the committed bundle with its images pinned by digest (in the CSV
 * and as the CRD's default dfs image), createdAt set and disconnected declared still passes the operatorframework
 * suite; an image left unpinned fails the release.
 */
class ReleaseBundleTest {

    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    static final String OPERATOR = "ghcr.io/dittofs/dittofs-operator";

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    @Test
    void releaseBundlePinsEveryImageAndStillValidates(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("bundle");
        String dfs = BundleTest.DFS_IMAGE;
        releaseBundle(out, OPERATOR + ":" + Build.projectVersion() + "=" + OPERATOR + "@" + DIGEST,
                dfs + "=docker.io/" + dfs.substring(0, dfs.indexOf(':')) + "@" + DIGEST).orFail();

        JsonNode csv = Build.csv(out);
        assertThat(csv.at("/metadata/annotations/createdAt").asText()).isEqualTo("2026-11-30T12:00:00Z");
        List<String> related = new ArrayList<>();
        csv.at("/spec/relatedImages").forEach(r -> related.add(r.path("image").asText()));
        assertThat(related).containsExactlyInAnyOrder(OPERATOR + "@" + DIGEST,
                "docker.io/marmos91c/dittofs@" + DIGEST);
        assertThat(csv.at("/metadata/annotations/containerImage").asText()).isEqualTo(OPERATOR + "@" + DIGEST);
        assertThat(csv.at("/spec/install/spec/deployments/0/spec/template/spec/containers/0/image").asText())
                .isEqualTo(OPERATOR + "@" + DIGEST);
        // what new DittoServers run is the CRD's default of spec.image: pinned as well
        assertThat(Yaml.read(out.resolve("manifests").resolve(PackagingArtifacts.CRD_FILE))
                .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/image/default").asText())
                .isEqualTo("docker.io/marmos91c/dittofs@" + DIGEST);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(out.relativize(file) + " names dfs by tag")
                        .doesNotContain("marmos91c/dittofs:").doesNotContain(OPERATOR + ":");
            }
        }
        // everything pinned: mirrorable for a disconnected cluster; the rest of the annotations as committed
        assertThat(csv.at("/metadata/annotations/features.operators.openshift.io~1disconnected").asText())
                .isEqualTo("true");
        assertThat(csv.at("/metadata/annotations/olm.skipRange").asText()).isEqualTo("<" + Build.projectVersion());
        BundleTest.assertDockerfileMatchesAnnotations(out);

        Proc.Result validated = Proc.run(List.of(Tools.ensure("bundle-validate").toString(), "-k8s-version",
                BundleValidateTest.K8S_VERSION, out.toString()), Duration.ofMinutes(2));
        assertThat(validated.ok()).as(validated.describe()).isTrue();
        assertThat(validated.out()).contains("0 errors, 0 warnings");
        // the committed bundle itself stays free of time stamps and digests
        JsonNode committed = Build.csv(Build.ARTIFACTS.committedBundle()).at("/metadata/annotations");
        assertThat(committed.has("createdAt")).isFalse();
        assertThat(committed.path("features.operators.openshift.io/disconnected").asText()).isEqualTo("false");
    }

    @Test
    void anUnpinnedImageFailsTheRelease(@TempDir Path tmp) {
        Proc.Result result = releaseBundle(tmp.resolve("bundle"), OPERATOR + ":" + Build.projectVersion() + "="
                + OPERATOR + "@" + DIGEST);
        assertThat(result.exit()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).contains("relatedImages not pinned by digest", BundleTest.DFS_IMAGE);
        Proc.Result notADigest = releaseBundle(tmp.resolve("b2"), OPERATOR + ":" + Build.projectVersion() + "="
                + OPERATOR + ":latest");
        assertThat(notADigest.ok()).isFalse();
    }

    @Test
    void releaseWorkflowFindsTheDfsImageToPinInTheCsv() {
        // release.yml reads the dfs image from the CSV's relatedImages with a line of shell: run that very line
        JsonNode steps = Yaml.read(WorkflowsTest.WORKFLOWS.resolve("release.yml")).at("/jobs/bundle-image/steps");
        String line = null;
        for (JsonNode step : steps) {
            for (String l : step.path("run").asText().split("\n")) {
                if (l.strip().startsWith("dfs=")) {
                    line = l.strip();
                }
            }
        }
        assertThat(line).as("the dfs= line of release.yml's bundle-image job").isNotNull();
        String found = Proc.run(List.of("bash", "-c", line + "; echo \"$dfs\""), Duration.ofSeconds(30)).orFail();
        assertThat(found.strip()).isEqualTo(BundleTest.DFS_IMAGE);
    }

    private static Proc.Result releaseBundle(Path out, String... images) {
        List<String> command = new ArrayList<>(List.of("bash", "hack/release-bundle.sh", out.toString(),
                "2026-11-30T12:00:00Z"));
        command.addAll(List.of(images));
        return Proc.run(command, Duration.ofMinutes(1));
    }
}
