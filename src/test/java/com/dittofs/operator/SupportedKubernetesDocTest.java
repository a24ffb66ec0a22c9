package com.dittofs.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * One oldest supported Kubernetes minor everywhere it is stated: the release the suite's oldest-k8s tier runs
 * (pom.xml {@code k8s.oldest.version}, which hack/tools.sh builds by default), the chart's {@code kubeVersion}, the CSV's {@code minKubeVersion} (source and
 * committed bundle), docs/INSTALL.md; and that minor is the newest one the audit table of INSTALL.md ("Supported
 * Kubernetes versions") lists as needed, so the table and the floor cannot drift apart.
 */
class SupportedKubernetesDocTest {

    private static final Path BASE = Path.of("").toAbsolutePath();
    private static final Pattern MINOR = Pattern.compile("\\b1\\.(\\d+)\\b");

    private static String read(String path) throws IOException {
        return Files.readString(BASE.resolve(path));
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("/%s/ not found", regex).isTrue();
        return m.group(1);
    }

    /** "1.30" of pom.xml's k8s.oldest.version (v1.30.14). */
    private static String floor() throws IOException {
        return group(read("pom.xml"), "<k8s.oldest.version>v(1\\.\\d+)\\.\\d+</k8s.oldest.version>");
    }

    @Test
    void chartCsvAndInstallDocStateTheMinorTheOldestTierRuns() throws IOException {
        String floor = floor();
        // what hack/tools.sh builds by default besides K8S_VERSION, for this tier
        assertThat(group(read("hack/tools.sh"), "^K8S_OLDEST_VERSION=(v\\d+\\.\\d+\\.\\d+) "))
                .isEqualTo(group(read("pom.xml"), "<k8s.oldest.version>(v[\\d.]+)</k8s.oldest.version>"));
        assertThat(group(read("helm/dittofs-operator/Chart.yaml"), "^kubeVersion: \">=(1\\.\\d+)\\.0-0\"$"))
                .isEqualTo(floor);
        assertThat(group(read("helm/dittofs-operator/README.md"), "^Kubernetes: `>=(1\\.\\d+)\\.0-0`$"))
                .isEqualTo(floor);
        assertThat(group(read("src/main/csv/dittofs-operator.csv.yaml"), "^  minKubeVersion: (1\\.\\d+)\\.0$"))
                .isEqualTo(floor);
        assertThat(group(read("bundle/manifests/dittofs-operator.clusterserviceversion.yaml"),
                "^  minKubeVersion: (1\\.\\d+)\\.0$")).isEqualTo(floor);
        String install = read("docs/INSTALL.md");
        assertThat(group(install, "^\\* Kubernetes \\*\\*(1\\.\\d+) or newer\\*\\*")).isEqualTo(floor);
        assertThat(group(install, "^## Supported Kubernetes versions\\s+\\*\\*(1\\.\\d+) and newer\\.\\*\\*"))
                .isEqualTo(floor);
    }

    @Test
    void theFloorIsTheNewestMinorTheAuditTableNeeds() throws IOException {
        String install = read("docs/INSTALL.md");
        int start = install.indexOf("## Supported Kubernetes versions");
        assertThat(start).isNotNegative();
        int end = install.indexOf("\n## ", start + 1);
        String section = install.substring(start, end < 0 ? install.length() : end);
        List<Integer> needs = new ArrayList<>();
        for (String line : section.lines().toList()) {
            String[] cells = line.split("\\|");
            // | what | where | needs |: the first version in the "needs" cell is the one the row requires
            if (cells.length >= 4 && !line.startsWith("| ---") && !cells[3].contains("needs")) {
                Matcher m = MINOR.matcher(cells[3]);
                assertThat(m.find()).as("no Kubernetes version in row: %s", line).isTrue();
                needs.add(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(needs).isNotEmpty();
        int newest = needs.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat("1." + newest).isEqualTo(floor());
    }
}
