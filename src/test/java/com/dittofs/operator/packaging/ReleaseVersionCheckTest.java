package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hack/check-release-version.sh, as release.yml's prepare job runs it: the committed chart names the project's
 * version and the operator image of deploy/operator.yaml (what a tag of this commit would release), and a chart that
 * names another version anywhere is refused with the field it is in.
 */
class ReleaseVersionCheckTest {

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    @Test
    void theCommittedChartNamesTheProjectVersionAndImage() {
        Proc.Result result = check(Build.projectVersion(), operatorImage(), Helm.CHART);
        assertThat(result.ok()).as(result.describe()).isTrue();
    }

    @Test
    void aChartOfAnotherVersionIsRefusedFieldByField(@TempDir Path tmp) throws IOException {
        Path chart = tmp.resolve("dittofs-operator");
        PackagingArtifacts.copyTree(Helm.CHART, chart);
        String version = Build.projectVersion();
        String image = operatorImage();
        Path chartYaml = chart.resolve("Chart.yaml");
        String text = Files.readString(chartYaml);
        assertThat(text).contains("version: " + version, "appVersion: \"" + version + "\"", image + ":" + version);

        // only the version bumped: appVersion and the Artifact Hub images still name the old one
        Files.writeString(chartYaml, text.replace("\nversion: " + version, "\nversion: 9.9.9"));
        Proc.Result result = check("9.9.9", image, chart);
        assertThat(result.exit()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).doesNotContain("Chart.yaml version").contains(
                "Chart.yaml appVersion is '" + version + "', not 9.9.9",
                "artifacthub.io/images does not list " + image + ":9.9.9",
                "artifacthub.io/images does not list " + image + ":9.9.9-native",
                "artifacthub.io/images lists " + image + ":" + version + ", not version 9.9.9");

        // everything bumped: accepted; another registry than values.yaml's is not
        Files.writeString(chartYaml, text.replace(version, "9.9.9"));
        assertThat(check("9.9.9", image, chart).ok()).isTrue();
        Proc.Result otherImage = check("9.9.9", "quay.io/someone/dittofs-operator", chart);
        assertThat(otherImage.exit()).isEqualTo(1);
        assertThat(otherImage.err()).contains("values.yaml image.repository is '" + image + "'");
    }

    /** The operator image of deploy/operator.yaml without its tag, as the prepare job computes it. */
    static String operatorImage() {
        String ref = Yaml.readAll(Build.existing(Build.ARTIFACTS.committedDeploy().resolve("operator.yaml"))).stream()
                .filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0/image").asText();
        assertThat(ref).as("deploy/operator.yaml's image").contains(":");
        return ref.substring(0, ref.lastIndexOf(':'));
    }

    private static Proc.Result check(String version, String image, Path chart) {
        return Proc.run(List.of("bash", "hack/check-release-version.sh", version, image, chart.toString()),
                Duration.ofMinutes(1));
    }
}
