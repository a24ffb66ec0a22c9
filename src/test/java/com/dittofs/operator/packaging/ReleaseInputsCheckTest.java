package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dittofs.operator.testing.Proc;

/**
 * hack/check-release-inputs.sh, as release.yml's prepare job runs it before anything is pushed: the committed
 * placeholders (maintainers' e-mail, OperatorHub reviewers) are refused one by one, real values pass, and a made-up
 * Artifact Hub repositoryID is refused.
 */
class ReleaseInputsCheckTest {

    static final List<String> INPUTS = List.of("src/main/csv/dittofs-operator.csv.yaml", "src/main/csv/ci.yaml",
            "bundle/ci.yaml", "bundle/manifests/dittofs-operator.clusterserviceversion.yaml",
            "helm/dittofs-operator/Chart.yaml", "helm/artifacthub-repo.yml");

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    @Test
    void theCommittedPlaceholdersAreRefusedEachByName() {
        Proc.Result result = check(Build.BASE);
        assertThat(result.exit()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).contains(
                "src/main/csv/ci.yaml:9: placeholder value 'placeholder-maintainer-github-user'",
                "bundle/ci.yaml:9: placeholder value 'placeholder-maintainer-github-user'",
                "helm/dittofs-operator/Chart.yaml", "helm/artifacthub-repo.yml",
                "src/main/csv/dittofs-operator.csv.yaml", "bundle/manifests/dittofs-operator.clusterserviceversion.yaml",
                "'email: maintainers@placeholder.invalid'");
        assertThat(result.err()).as("comments are not values").doesNotContain("Release-time input");
    }

    @Test
    void realValuesPassAndAMadeUpRepositoryIdDoesNot(@TempDir Path tmp) throws IOException {
        for (String input : INPUTS) {
            Path copy = tmp.resolve(input);
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, Files.readString(Build.BASE.resolve(input))
                    .replace("maintainers@placeholder.invalid", "maintainers@example.org")
                    .replace("placeholder-maintainer-github-user", "octocat"));
        }
        Proc.Result ok = check(tmp);
        assertThat(ok.ok()).as(ok.describe()).isTrue();

        Path repo = tmp.resolve("helm/artifacthub-repo.yml");
        String text = Files.readString(repo);
        Files.writeString(repo, text + "repositoryID: 8b5c6a3e-1f2d-4c5b-9a7e-0d1e2f3a4b5c\n");
        assertThat(check(tmp).ok()).as("the ID Artifact Hub assigned").isTrue();
        Files.writeString(repo, text + "repositoryID: 00000000-0000-0000-0000-000000000000\n");
        Proc.Result zero = check(tmp);
        assertThat(zero.exit()).isEqualTo(1);
        assertThat(zero.err()).contains("repositoryID '00000000-0000-0000-0000-000000000000' is not the ID");
    }

    private static Proc.Result check(Path base) {
        return Proc.run(List.of("bash", "hack/check-release-inputs.sh", base.toString()), Duration.ofMinutes(1));
    }
}
