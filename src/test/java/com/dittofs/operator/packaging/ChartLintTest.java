package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * chart-testing's {@code ct lint} (yamllint, Chart.yaml schema, {@code helm lint --strict} with each
 * ci/*-values.yaml), and what it cannot check here: maintainers (ct asks GitHub), the version bump against the last
 * release tag (ct compares with a git remote), Artifact Hub's Chart.yaml fields, and the README generated from
 * values.yaml by helm-docs being in sync.
 */
class ChartLintTest extends WithHelm {

    static final Path CHART = Helm.CHART;

    @Test
    void chartTestingLints() {
        // ct lint: Chart.yaml against ct's schema, yamllint over Chart.yaml and values.yaml, helm lint --strict with
        // the defaults and each ci/*-values.yaml. Maintainers and the version bump are checked below instead: ct
        // would ask GitHub for the first and compare with a git remote for the second.
        Path ct = Tools.ensure("ct");
        Path dir = ct.getParent();
        String path = Tools.ensure("helm").getParent() + ":" + dir.resolve("venv/bin") + ":" + System.getenv("PATH");
        Proc.Result r = Proc.run(List.of(ct.toString(), "lint", "--charts", Build.BASE.relativize(CHART).toString(),
                "--validate-maintainers=false", "--check-version-increment=false", "--helm-lint-extra-args",
                "--strict", "--chart-yaml-schema", dir.resolve("etc/chart_schema.yaml").toString(), "--lint-conf",
                dir.resolve("etc/lintconf.yaml").toString()), Build.BASE, Map.of("PATH", path), null,
                Duration.ofMinutes(5));
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.output()).contains("All charts linted successfully");
    }

    @Test
    void rendersWithoutKubeVersionAsTheDocsRunIt() {
        // helm's built-in default is Kubernetes 1.20, below the chart's kubeVersion floor; hack/tools.sh sets it
        Proc.Result r = helm.run("template", "dittofs-operator", CHART.toString());
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.out()).contains("kind: Deployment");
    }

    @Test
    void chartYamlHasWhatChartTestingAndArtifactHubRequire() throws IOException {
        JsonNode chart = Yaml.read(CHART.resolve("Chart.yaml"));
        assertThat(chart.path("name").asText()).isEqualTo(CHART.getFileName().toString());
        assertThat(chart.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
        assertThat(chart.path("type").asText()).isEqualTo("application");
        assertThat(chart.path("description").asText()).isNotBlank();
        assertThat(chart.path("kubeVersion").asText()).isNotBlank();
        assertThat(chart.path("keywords")).isNotEmpty();
        assertThat(chart.path("home").asText()).startsWith("https://github.com/dittofs/dittofs-operator");
        assertThat(chart.path("icon").asText()).startsWith("https://");
        assertThat(chart.path("sources")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.asText()).startsWith("https://"));
        assertThat(chart.path("maintainers")).isNotEmpty().allSatisfy(m -> {
            assertThat(m.path("name").asText()).isNotBlank();
            assertThat(m.path("email").asText() + m.path("url").asText()).isNotBlank();
        });
        // Artifact Hub lists the images; the operator's must be the one the chart runs
        String appVersion = chart.path("appVersion").asText();
        JsonNode images = Yaml.MAPPER.readTree(chart.at("/annotations/artifacthub.io~1images").asText());
        List<String> listed = new ArrayList<>();
        images.forEach(i -> listed.add(i.path("image").asText()));
        assertThat(listed).contains("ghcr.io/dittofs/dittofs-operator:" + appVersion,
                "ghcr.io/dittofs/dittofs-operator:" + appVersion + "-native",
                testImage());
    }

    @Test
    void versionIsBumpedAgainstTheLastRelease() {
        String version = Yaml.read(CHART.resolve("Chart.yaml")).path("version").asText();
        String lastTag = git("tag", "--list", "v*", "--sort=-v:refname").lines().findFirst().orElse("");
        if (lastTag.isEmpty()) {
            // nothing released yet: the chart must still say so
            assertThat(version).endsWith("-SNAPSHOT");
            return;
        }
        boolean changed = !Proc.run(List.of("git", "diff", "--quiet", lastTag, "--", "helm"),
                Duration.ofMinutes(1)).ok();
        if (changed) {
            assertThat(compareVersions(version, lastTag.substring(1))).as("chart version %s after %s", version,
                    lastTag).isPositive();
        }
    }

    @Test
    void theUpgradeTestStartsFromTheLastRelease(@TempDir Path tmp) throws IOException {
        // ChartLifecycleIT upgrades from a packaged chart; once there are releases, that must be the last one's chart
        String version = Yaml.read(CHART.resolve("Chart.yaml")).path("version").asText();
        var lastRelease = PreviousRelease.before(version, PreviousRelease.tags(Build.BASE));
        if (lastRelease.isEmpty()) {
            System.out.println("ChartLintTest: no v* tag before " + version + " (none in this clone): ChartLifecycleIT "
                    + "upgrades from the chart of commit " + ChartLifecycleIT.PREVIOUS_CHART_COMMIT);
            return;
        }
        PreviousRelease.assertPackagedChartIs(Build.BASE, lastRelease.get(), ChartLifecycleIT.previousChart(), tmp);
    }

    @Test
    void theLastReleaseIsTheNewestTagBeforeTheChartVersion() {
        List<String> tags = List.of("v0.1.0", "v0.2.0-rc.1", "v0.1.1", "v0.3.0", "v-nonsense", "0.1.5");
        assertThat(PreviousRelease.before("0.2.0-SNAPSHOT", tags)).contains("v0.1.1");
        assertThat(PreviousRelease.before("0.2.0", tags)).contains("v0.2.0-rc.1");
        assertThat(PreviousRelease.before("0.1.0", tags)).isEmpty();
        assertThat(PreviousRelease.before("0.1.0-SNAPSHOT", List.of())).isEmpty();
    }

    @Test
    void aPackagedChartIsRecognisedAsATagsChartOrNot(@TempDir Path tmp) throws IOException {
        // a repository of its own with the chart tagged v0.0.1, packaged; then a template changed after the tag
        Path repo = tmp.resolve("repo");
        Path chart = repo.resolve(PreviousRelease.CHART_DIR);
        Files.createDirectories(chart);
        PackagingArtifacts.copyTree(CHART, chart);
        PreviousRelease.git(repo, "init", "-q");
        commit(repo, "the chart");
        PreviousRelease.git(repo, "tag", "v0.0.1");
        Path released = tmp.resolve("released");
        helm.run("package", chart.toString(), "--version", "0.0.1", "-d", released.toString()).orFail();
        Path tgz = released.resolve("dittofs-operator-0.0.1.tgz");
        Files.createDirectories(tmp.resolve("x1"));
        PreviousRelease.assertPackagedChartIs(repo, "v0.0.1", tgz, tmp.resolve("x1"));

        Path deployment = chart.resolve("templates/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment) + "# changed after the release\n");
        commit(repo, "a change after the release");
        Path later = tmp.resolve("later");
        helm.run("package", chart.toString(), "--version", "0.0.1", "-d", later.toString()).orFail();
        Files.createDirectories(tmp.resolve("x2"));
        assertThatThrownBy(() -> PreviousRelease.assertPackagedChartIs(repo, "v0.0.1",
                later.resolve("dittofs-operator-0.0.1.tgz"), tmp.resolve("x2")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("templates/deployment.yaml");
        Files.createDirectories(tmp.resolve("x3"));
        assertThatThrownBy(() -> PreviousRelease.assertPackagedChartIs(repo, "v0.0.2", tgz, tmp.resolve("x3")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("version vs tag v0.0.2");
    }

    private static void commit(Path repo, String message) {
        PreviousRelease.git(repo, "add", "-A");
        PreviousRelease.git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m",
                message);
    }

    @Test
    void readmeIsGeneratedFromValues(@TempDir Path copy) throws IOException {
        Path chart = copy.resolve(CHART.getFileName().toString());
        Files.createDirectories(chart);
        for (String file : List.of("Chart.yaml", "values.yaml", "README.md.gotmpl")) {
            Files.copy(CHART.resolve(file), chart.resolve(file));
        }
        Proc.run(List.of(Tools.ensure("helm-docs").toString(), "--chart-search-root", copy.toString()),
                Duration.ofMinutes(2)).orFail();
        assertThat(Files.readString(CHART.resolve("README.md")))
                .as("helm/dittofs-operator/README.md is out of date: run $(bash hack/tools.sh path helm-docs)"
                        + " --chart-search-root helm")
                .isEqualTo(Files.readString(chart.resolve("README.md")));
    }

    @Test
    void everyValueIsDescribed() throws IOException {
        // helm-docs lists a key with an empty description when its `# --` comment is missing
        List<String> rows = Files.readAllLines(CHART.resolve("README.md")).stream()
                .filter(l -> l.matches("\\| [a-zA-Z][\\w.]* \\|.*")).toList();
        assertThat(rows).hasSizeGreaterThan(20).allSatisfy(row -> {
            String[] cells = row.split(" \\| ");
            assertThat(cells[cells.length - 1].replace("|", "").strip()).as(row).isNotBlank();
        });
    }

    static String testImage() {
        JsonNode tests = Yaml.read(CHART.resolve("values.yaml")).at("/tests/image");
        return tests.path("repository").asText() + ":" + tests.path("tag").asText();
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return Proc.run(command, Duration.ofMinutes(1)).orFail();
    }

    /** Semantic-version order of X.Y.Z[-pre] (a pre-release sorts before its release). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("-", 2);
        String[] y = b.split("-", 2);
        String[] xs = x[0].split("\\.");
        String[] ys = y[0].split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(xs[i]), Integer.parseInt(ys[i]));
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(x.length == 1, y.length == 1);
    }
}
