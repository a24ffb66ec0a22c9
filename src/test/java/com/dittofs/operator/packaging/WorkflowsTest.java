package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The GitHub workflows lint clean (actionlint, with shellcheck when installed), and everything they reference
 * exists: repository files, Maven profiles and properties, the committed artefacts the sync job compares.
 */
class WorkflowsTest {

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    static final Path WORKFLOWS = Build.BASE.resolve(".github/workflows");
    /** Repository paths as they appear in run scripts and action inputs. */
    static final Pattern PATH = Pattern.compile(
            "(?<![\\w./-])((?:\\.ci|hack|src/main/docker|bundle|deploy|helm)(?:/[\\w.-]+)*)");

    @Test
    void actionlint() throws IOException {
        List<String> command = new ArrayList<>(List.of(Tools.ensure("actionlint").toString(), "-no-color"));
        workflows().forEach(f -> command.add(f.toString()));
        Proc.run(command, Duration.ofMinutes(2)).orFail();
    }

    @Test
    void expectedWorkflowsExist() {
        assertThat(WORKFLOWS.resolve("ci.yml")).exists();
        assertThat(WORKFLOWS.resolve("native.yml")).exists();
        assertThat(WORKFLOWS.resolve("release.yml")).exists();
        String ci = read("ci.yml");
        assertThat(ci).contains("bash .ci/run", "-Dpackaging.sync=true", "git diff --exit-code");
        assertThat(read("native.yml")).contains("verify -Pnative");
    }

    @Test
    void referencedFilesExist() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : workflows()) {
            for (String text : strings(Yaml.read(file))) {
                Matcher m = PATH.matcher(text);
                while (m.find()) {
                    String path = m.group(1).replaceAll("[.,:;]+$", "");
                    if (path.contains("*") || path.endsWith("/logs")) {
                        continue;
                    }
                    if (!Files.exists(Build.BASE.resolve(path))) {
                        missing.add(Build.BASE.relativize(file) + ": " + path);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Build.BASE.resolve("mvnw")).isExecutable();
    }

    @Test
    void referencedMavenProfilesExist() throws IOException {
        String pom = Files.readString(Build.BASE.resolve("pom.xml"));
        for (Path file : workflows()) {
            Matcher m = Pattern.compile("-P(\\w+)").matcher(Files.readString(file));
            while (m.find()) {
                assertThat(pom).as(file.getFileName() + " uses profile " + m.group(1))
                        .contains("<id>" + m.group(1) + "</id>");
            }
        }
        assertThat(pom).contains("<packaging.sync>");
    }

    @Test
    void everyWorkflowThatRunsTheSuiteInstallsTheDebianPackagesOfCiRun() throws IOException {
        // .ci/run installs them itself only as root; a GitHub runner runs it as an ordinary user
        List<String> needed = ciRunPackages();
        assertThat(needed).contains("postgresql", "libnfs-utils", "smbclient", "shellcheck");
        List<String> checked = new ArrayList<>();
        for (Path file : workflows()) {
            for (var job : iterable(Yaml.read(file).path("jobs").fields())) {
                String scripts = String.join("\n", runScripts(job.getValue()));
                if (scripts.contains(".ci/run") || Pattern.compile("mvnw[^\n]* verify").matcher(scripts).find()) {
                    checked.add(file.getFileName() + " " + job.getKey());
                    assertThat(aptInstalled(scripts)).as("apt-get install of %s job %s, which runs the suite",
                            file.getFileName(), job.getKey()).containsAll(needed);
                }
            }
        }
        assertThat(checked).contains("ci.yml verify", "native.yml native");
        // without tags, the chart checks against the last release (ChartLintTest) would find none and pass
        JsonNode checkout = Yaml.read(WORKFLOWS.resolve("ci.yml")).at("/jobs/verify/steps/0");
        assertThat(checkout.path("uses").asText()).startsWith("actions/checkout@");
        assertThat(checkout.at("/with/fetch-depth").asInt(1)).as("ci.yml verify: full clone with tags").isZero();
    }

    @Test
    void toolCacheKeysHashEverySourceTheToolsAreBuiltFrom() throws IOException {
        // a cache hit is never saved again: a key that misses a source keeps a stale tool set for ever
        List<String> sources = new ArrayList<>(List.of("hack/tools.sh"));
        Matcher local = Pattern.compile("(?m)^LOCAL_\\w+=.*/([\\w.-]+)$")
                .matcher(Files.readString(Build.BASE.resolve("hack/tools.sh")));
        while (local.find()) {
            sources.add("hack/" + local.group(1) + "/**");
        }
        assertThat(sources).contains("hack/bundle-validate/**");
        List<String> keys = new ArrayList<>();
        for (Path file : workflows()) {
            for (JsonNode step : Yaml.read(file).findValues("steps").stream().flatMap(s -> list(s).stream()).toList()) {
                if (step.path("uses").asText().startsWith("actions/cache@")
                        && step.at("/with/path").asText().contains(".cache/dittofs-operator")) {
                    String key = step.at("/with/key").asText();
                    keys.add(key);
                    for (String source : sources) {
                        assertThat(key).as(file.getFileName() + " tool cache key").contains("'" + source + "'");
                    }
                }
            }
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void releasePublishesChartAndBundleOnlyOnceEveryImageIsBuilt() {
        JsonNode jobs = Yaml.read(WORKFLOWS.resolve("release.yml")).path("jobs");
        for (String publisher : List.of("chart", "bundle-image", "github-release")) {
            assertThat(needs(jobs, publisher)).as(publisher + " needs (transitively)")
                    .contains("prepare", "image-jvm", "image-native", "image-native-manifest");
        }
        String prepare = String.join("\n", runScripts(jobs.path("prepare")));
        assertThat(prepare).as("the prepare job checks the chart against the tag and the generated artefacts")
                .contains("bash hack/check-release-version.sh \"$version\" \"$image\"", "git status --porcelain",
                        "bash hack/check-release-inputs.sh",
                        "-Dpackaging.sync=true");
    }

    /** Every job the given one waits for, directly or through others. */
    private static Set<String> needs(JsonNode jobs, String job) {
        assertThat(jobs.has(job)).as("job " + job).isTrue();
        JsonNode direct = jobs.path(job).path("needs");
        Set<String> all = new TreeSet<>();
        for (JsonNode n : direct.isArray() ? list(direct) : List.of(direct)) {
            if (!n.isMissingNode() && all.add(n.asText())) {
                all.addAll(needs(jobs, n.asText()));
            }
        }
        return all;
    }

    /** The Debian packages .ci/run installs when they are missing ({@code missing+=(name)}). */
    static List<String> ciRunPackages() throws IOException {
        Matcher m = Pattern.compile("missing\\+=\\(([\\w.+-]+)\\)")
                .matcher(Files.readString(Build.BASE.resolve(".ci/run")));
        List<String> packages = new ArrayList<>();
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    /** The package arguments of every {@code apt-get install} in a script. */
    static Set<String> aptInstalled(String script) {
        Set<String> packages = new TreeSet<>();
        Matcher m = Pattern.compile("apt-get install([^\\n]*)").matcher(script.replace("\\\n", " "));
        while (m.find()) {
            for (String word : m.group(1).trim().split("\\s+")) {
                if (!word.startsWith("-") && !word.isEmpty()) {
                    packages.add(word);
                }
            }
        }
        return packages;
    }

    private static List<String> runScripts(JsonNode job) {
        return list(job.path("steps")).stream().map(s -> s.path("run").asText()).filter(r -> !r.isEmpty()).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static String read(String name) {
        try {
            return Files.readString(WORKFLOWS.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every string value in the workflow (run scripts, action inputs). */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> out.addAll(strings(child)));
        return out;
    }
}
