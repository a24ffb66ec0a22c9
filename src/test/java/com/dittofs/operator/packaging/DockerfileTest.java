package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the container images' Dockerfiles (there is no container engine here; release.yml builds them):
 * pinned minimal bases, a numeric non-root user, an exec-form entrypoint (no shell at runtime), and COPY sources
 * that the build really produces. Only the final stage is the image; a build stage may run exec-form commands.
 * A FROM naming a build argument (the JVM image's BASE_IMAGE) is checked with the argument's default: what the
 * release builds, as release.yml passes no build argument.
 */
class DockerfileTest {

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    static final Path DOCKER = Build.BASE.resolve("src/main/docker");
    static final String UBI_OPENJDK_25 = "registry.access.redhat.com/ubi9/openjdk-25-runtime:1.24";

    @Test
    void jvmImage() throws IOException {
        List<String> lines = instructions("Dockerfile.jvm");
        List<String> image = finalStage(lines);
        assertThat(from(image, lines)).isEqualTo(UBI_OPENJDK_25);
        assertThat(image).contains("USER 185");
        assertCommon(image, lines);
    }

    /** One file for the release (UBI, the default) and local builds (hack/images.sh passes another base). */
    @Test
    void jvmImageBaseIsABuildArgumentThatDefaultsToUbi() throws IOException {
        List<String> lines = instructions("Dockerfile.jvm");
        List<String> global = lines.subList(0, lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow()));
        assertThat(global).as("before the first FROM").containsExactly("ARG BASE_IMAGE=" + UBI_OPENJDK_25);
        assertThat(lines).filteredOn(l -> l.startsWith("FROM "))
                .containsExactly("FROM ${BASE_IMAGE} AS aot-cache", "FROM ${BASE_IMAGE}");
    }

    @Test
    void jvmImageStartsFromAnAotCacheWrittenByItsOwnJvm() throws IOException {
        List<String> lines = instructions("Dockerfile.jvm");
        List<String> image = finalStage(lines);
        assertThat(from(lines, lines)).as("a cache is valid only for the JVM that wrote it")
                .isEqualTo(from(image, lines));
        assertThat(lines).filteredOn(l -> l.startsWith("RUN ")).singleElement().asString()
                .startsWith("RUN [\"sh\", \"-c\", \"timeout -s TERM 180 java -XX:AOTCacheOutput=/tmp/app.aot ")
                .contains("api-server-url=https://127.0.0.1:9").endsWith("test -s /tmp/app.aot\"]");
        assertThat(image).contains("COPY --from=aot-cache /tmp/app.aot /deployments/app.aot");
        List<String> training = lines.subList(0, lines.size() - image.size());
        assertThat(copies(image)).as("the files the cache was written for, in the same order")
                .isNotEmpty().isEqualTo(copies(training));
        assertThat(entrypoint(image)).contains("\"-XX:AOTCache=app.aot\"", "\"-XX:+UseSerialGC\"",
                "\"-XX:+UseCompactObjectHeaders\"");
        String run = lines.stream().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow();
        assertThat(run).as("the training run lays out objects as the entrypoint does, or the JVM ignores the cache")
                .contains("-XX:+UseCompactObjectHeaders", "-XX:+UseSerialGC");
        for (String heapShape : List.of("-XX:MaxNewSize=24m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30")) {
            assertThat(entrypoint(image)).as("heap sizing, docs/PERFORMANCE.md").contains("\"" + heapShape + "\"");
            assertThat(run).as("the training run's heap is shaped as the entrypoint's").contains(heapShape);
        }
    }

    @Test
    void nativeImage() throws IOException {
        List<String> lines = instructions("Dockerfile.native");
        assertThat(from(lines, lines)).startsWith("quay.io/quarkus/ubi9-quarkus-micro-image:");
        assertThat(lines).contains("USER 1001");
        assertCommon(lines, lines);
    }

    @Test
    void jvmImageCopiesWhatTheBuildProduces() throws IOException {
        Path app = Build.TARGET.resolve("quarkus-app");
        Assumptions.assumeTrue(Files.isDirectory(app), "no JVM build (native profile)");
        for (String line : instructions("Dockerfile.jvm")) {
            if (line.startsWith("COPY ") && !line.startsWith("COPY --from=")) {
                String source = line.split("\\s+")[1];
                Path path = Build.BASE.resolve(source.replace("*.jar", "quarkus-run.jar"));
                assertThat(path).as(line).exists();
            }
        }
        assertThat(app.resolve("quarkus-run.jar")).exists();
    }

    private static void assertCommon(List<String> lines, List<String> file) {
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).hasSize(1);
        assertThat(from(lines, file)).doesNotEndWith(":latest").matches(".+:[\\w.-]+");
        assertThat(entrypoint(lines)).as("exec form, so no shell is needed at runtime").matches("ENTRYPOINT \\[\".*\"\\]");
        assertThat(lines).noneMatch(l -> l.startsWith("CMD ") && !l.startsWith("CMD ["));
        assertThat(lines).as("nothing runs a shell in the image").noneMatch(l -> l.startsWith("RUN "));
        assertThat(lines).contains("EXPOSE 8080");
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).as("last USER: numeric, so runAsNonRoot can verify it").matches("USER [1-9][0-9]*");
    }

    private static List<String> copies(List<String> stage) {
        return stage.stream().filter(l -> l.startsWith("COPY ") && !l.startsWith("COPY --from=")).toList();
    }

    private static String entrypoint(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
    }

    /** The instructions from the last FROM on: what the image is made of. */
    private static List<String> finalStage(List<String> lines) {
        int last = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return lines.subList(last, lines.size());
    }

    /** The image of the first FROM in lines, a ${ARG} replaced by its default from file's global ARGs. */
    private static String from(List<String> lines, List<String> file) {
        String from = lines.stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow().substring(5).strip();
        from = from.split("\\s+")[0]; // without "AS <stage>"
        for (String line : file) {
            if (line.startsWith("FROM ")) {
                break; // only ARGs before the first FROM can be used in a FROM
            }
            if (line.startsWith("ARG ") && line.contains("=")) {
                String[] arg = line.substring(4).strip().split("=", 2);
                from = from.replace("${" + arg[0] + "}", arg[1]);
            }
        }
        assertThat(from).as("every argument of FROM has a default").doesNotContain("$");
        return from;
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(String file) throws IOException {
        String text = Files.readString(DOCKER.resolve(file));
        text = Pattern.compile("(?m)^\\s*#.*\\n").matcher(text).replaceAll("");
        text = text.replaceAll("\\\\\\n\\s*", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
