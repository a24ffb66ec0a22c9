package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dittofs.operator.testing.Proc;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The commands and names the install docs quote exist in what the build generates: a `kubectl set image` names the
 * real container, `deployment/NAME` the real Deployment, the object table of docs/INSTALL.md what
 * deploy/operator.yaml creates, and the watch-namespace table the variable each install path really sets.
 */
class InstallDocTest extends WithHelm {

    static final Path INSTALL = Build.BASE.resolve("docs/INSTALL.md");
    static final String QUARKUS_NAMESPACES = "QUARKUS_OPERATOR_SDK_CONTROLLERS_DITTOSERVER_NAMESPACES";
    static final String WATCH_NAMESPACES = "WATCH_NAMESPACES";
    /** kubectl [-n NS] set image deployment/NAME CONTAINER=IMAGE. */
    static final Pattern SET_IMAGE = Pattern.compile(
            "kubectl(?: -n ([\\w-]+))? set image (?:deployment|deploy)/([\\w-]+) ([\\w-]+)=");
    /** deployment/NAME or deploy/NAME in a kubectl command (not a path such as deploy/crd.yaml). */
    static final Pattern DEPLOYMENT_REF = Pattern.compile("\\b(?:deployment|deploy)/([a-z0-9-]+)(?=[\\s`'\"]|$)");

    final JsonNode deployment = Rbac.only(Yaml.readAll(Build.ARTIFACTS.committedDeploy().resolve("operator.yaml")),
            "Deployment", null);

    @Test
    void everyKubectlSetImageNamesARealContainer() throws IOException {
        List<String> containers = new ArrayList<>();
        deployment.at("/spec/template/spec/containers").forEach(c -> containers.add(c.path("name").asText()));
        int found = 0;
        for (Map.Entry<String, String> doc : docs().entrySet()) {
            Matcher m = SET_IMAGE.matcher(doc.getValue());
            while (m.find()) {
                found++;
                String where = doc.getKey() + ": " + m.group();
                if (m.group(1) != null) {
                    assertThat(m.group(1)).as(where).isEqualTo(deployment.at("/metadata/namespace").asText());
                }
                assertThat(m.group(2)).as(where).isEqualTo(deployment.at("/metadata/name").asText());
                assertThat(containers).as(where + " (containers of deploy/operator.yaml)").contains(m.group(3));
            }
        }
        assertThat(found).as("docs/INSTALL.md shows kubectl set image").isPositive();
    }

    @Test
    void theOperatorImageTheDocsQuoteIsTheOneTheBuildNames() throws IOException {
        // "before the first release" names the image of a checkout; it must follow the project version
        String image = deployment.at("/spec/template/spec/containers/0/image").asText();
        Pattern quoted = Pattern.compile("ghcr\\.io/dittofs/dittofs-operator:\\d[\\w.-]*\\w");
        for (String file : List.of("README.md", "docs/INSTALL.md")) {
            Matcher m = quoted.matcher(Files.readString(Build.BASE.resolve(file)));
            while (m.find()) {
                assertThat(m.group()).as(file).isEqualTo(image);
            }
        }
    }

    @Test
    void kubectlCommandsNameTheDeployment() throws IOException {
        // the Helm chart's Deployment has the same name with the release name the docs use (dittofs-operator)
        String name = deployment.at("/metadata/name").asText();
        assertThat(Rbac.only(helm.render("dittofs-operator", "dittofs-system"), "Deployment", name)).isNotNull();
        for (Map.Entry<String, String> doc : docs().entrySet()) {
            doc.getValue().lines().filter(l -> l.contains("kubectl") && l.contains("dittofs-system")).forEach(l -> {
                Matcher m = DEPLOYMENT_REF.matcher(l);
                while (m.find()) {
                    assertThat(m.group(1)).as(doc.getKey() + ": " + l).isEqualTo(name);
                }
            });
        }
    }

    @Test
    void objectTableIsWhatDeployOperatorYamlCreates() throws IOException {
        List<JsonNode> objects = Yaml.readAll(Build.ARTIFACTS.committedDeploy().resolve("operator.yaml"));
        List<String> rows = tableAfter("`deploy/operator.yaml` creates:");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            List<String> kinds = new ArrayList<>();
            Matcher k = Pattern.compile("\\b[A-Z]\\w+").matcher(cells[1].replaceAll("\\(.*\\)", ""));
            while (k.find()) {
                kinds.add(k.group());
            }
            List<String> names = new ArrayList<>();
            Matcher n = Pattern.compile("`(?:[\\w-]+/)?([\\w-]+)`").matcher(cells[2]);
            while (n.find()) {
                names.add(n.group(1));
            }
            // one name for each kind, or one name for all of them (a Role and its RoleBinding)
            assertThat(names.size()).as(row).isIn(1, kinds.size());
            for (int i = 0; i < kinds.size(); i++) {
                String name = names.get(names.size() == 1 ? 0 : i);
                assertThat(Rbac.only(objects, kinds.get(i), name)).as(row).isNotNull();
            }
        }
    }

    @Test
    void watchTableNamesTheVariableEachPathSets() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        for (String row : tableAfter("Each install path sets one of them:")) {
            String[] cells = row.split("\\|");
            rows.put(cells[1].strip().split(" ")[0], cells[2]);
        }
        assertThat(rows).containsOnlyKeys("kubectl", "Helm", "OLM");

        assertThat(envNames(deployment)).contains(QUARKUS_NAMESPACES).doesNotContain(WATCH_NAMESPACES);
        assertThat(rows.get("kubectl")).contains(QUARKUS_NAMESPACES).doesNotContain(WATCH_NAMESPACES);

        JsonNode csvDeployment = Build.csv(Build.ARTIFACTS.committedBundle()).at("/spec/install/spec/deployments/0");
        JsonNode olmEnv = csvDeployment.at("/spec/template/spec/containers/0/env");
        assertThat(envNames(olmEnv)).contains(QUARKUS_NAMESPACES).doesNotContain(WATCH_NAMESPACES);
        olmEnv.forEach(e -> {
            if (QUARKUS_NAMESPACES.equals(e.path("name").asText())) {
                assertThat(e.at("/valueFrom/fieldRef/fieldPath").asText()).contains("olm.targetNamespaces");
            }
        });
        assertThat(rows.get("OLM")).contains(QUARKUS_NAMESPACES, "olm.targetNamespaces");

        JsonNode helmDeployment = Rbac.only(helm.render("dittofs-operator", "dittofs-system", "--set",
                "watch.mode=release"), "Deployment", "dittofs-operator");
        assertThat(envNames(helmDeployment)).contains(WATCH_NAMESPACES).doesNotContain(QUARKUS_NAMESPACES);
        assertThat(rows.get("Helm")).startsWith(" `" + WATCH_NAMESPACES + "`");
    }

    @Test
    void theQuarkusVariableWinsOverWatchNamespaces() throws IOException {
        // what the docs say about precedence: Quarkus's order of sources (environment 300 over application.properties
        // 250) over the operator's application.properties, which reads WATCH_NAMESPACES as the setting's default
        assertThat(watched(Map.of())).isEqualTo("JOSDK_ALL_NAMESPACES");
        assertThat(watched(Map.of(WATCH_NAMESPACES, "team-a"))).isEqualTo("team-a");
        assertThat(watched(Map.of(WATCH_NAMESPACES, "team-a", QUARKUS_NAMESPACES, "team-b"))).isEqualTo("team-b");
    }

    private static String watched(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(Build.BASE.resolve("src/main/resources/application.properties")
                        .toUri().toURL(), 250))
                .withSources(new EnvConfigSource(environment, 300)).build();
        return config.getValue("quarkus.operator-sdk.controllers.dittoserver.namespaces", String.class);
    }

    @Test
    void releaseBundleCommandRunsAsDocumented(@TempDir Path out) throws IOException {
        // the documented command, with its shell variables set and its output in a temporary directory
        String doc = Files.readString(INSTALL);
        Matcher m = Pattern.compile("(?m)^hack/release-bundle\\.sh (?:.*\\\\\n)*.*$").matcher(doc);
        assertThat(m.find()).as("docs/INSTALL.md shows hack/release-bundle.sh").isTrue();
        String command = m.group().replace("target/my-bundle", out.resolve("bundle").toString());
        Map<String, String> env = Map.of("REGISTRY", "registry.example.com", "GROUP", "you",
                "OPERATOR_DIGEST", "sha256:" + "a".repeat(64), "DFS_DIGEST", "sha256:" + "b".repeat(64));
        Proc.Result r = Proc.run(List.of("bash", "-c", command), env, null, Duration.ofMinutes(1));
        assertThat(r.ok()).as(r.describe()).isTrue();
        JsonNode related = Build.csv(out.resolve("bundle")).at("/spec/relatedImages");
        assertThat(related).isNotEmpty().allSatisfy(i -> assertThat(i.path("image").asText()).contains("@sha256:"));
    }

    @Test
    void imageBuildsNameThePlatformAndOlmStepsTheCsvAsOlmSpellsIt() throws IOException {
        Map<String, String> docs = docs();
        docs.put("helm/dittofs-operator/README.md", Files.readString(Helm.CHART.resolve("README.md")));
        Matcher build = Pattern.compile("docker buildx build [^\n]*src/main/docker/Dockerfile[^\n]*").matcher("");
        int builds = 0;
        for (Map.Entry<String, String> doc : docs.entrySet()) {
            build.reset(doc.getValue());
            while (build.find()) {
                builds++;
                assertThat(build.group()).as(doc.getKey()).contains("--platform ");
            }
        }
        assertThat(builds).isPositive();
        // OLM lower-cases the CSV's name: the docs show it as OLM has it and never guess it for a delete
        String csvName = Build.csv(Build.ARTIFACTS.committedBundle()).at("/metadata/name").asText();
        String install = Files.readString(INSTALL);
        assertThat(install).contains("`" + csvName + "`", "schema: olm.channel", "opm init dittofs-operator")
                .doesNotContain("delete csv dittofs-operator.v");
    }

    private static List<String> envNames(JsonNode deploymentOrEnv) {
        JsonNode env = deploymentOrEnv.isArray() ? deploymentOrEnv
                : deploymentOrEnv.at("/spec/template/spec/containers/0/env");
        List<String> names = new ArrayList<>();
        env.forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    /** The first ```sh block after the line {@code heading} of docs/INSTALL.md, as a user copies it. */
    static String block(String heading) throws IOException {
        String doc = Files.readString(INSTALL);
        int at = doc.indexOf("\n" + heading + "\n");
        assertThat(at).as("docs/INSTALL.md has the heading: " + heading).isNotNegative();
        int start = doc.indexOf("```sh\n", at) + "```sh\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    /** The body rows of the first Markdown table after the line {@code intro} of docs/INSTALL.md. */
    static List<String> tableAfter(String intro) throws IOException {
        List<String> lines = Files.readAllLines(INSTALL);
        int start = lines.indexOf(intro);
        assertThat(start).as("docs/INSTALL.md has the line: " + intro).isNotNegative();
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("|")) {
                rows.add(line);
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        // drop the header and the separator
        return rows.subList(Math.min(2, rows.size()), rows.size());
    }

    /** README.md and every Markdown file under docs/, by path. */
    static Map<String, String> docs() throws IOException {
        Map<String, String> docs = new TreeMap<>();
        docs.put("README.md", Files.readString(Build.BASE.resolve("README.md")));
        try (Stream<Path> files = Files.walk(Build.BASE.resolve("docs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                docs.put(Build.BASE.relativize(f).toString(), Files.readString(f));
            }
        }
        return docs;
    }
}
