package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the package phase produced (target/kubernetes, target/bundle, target/deploy, target/helm) and the committed
 * copies, seen from a test whose working directory is the project's base directory.
 */
public final class Build {

    public static final Path BASE = Path.of("").toAbsolutePath();
    public static final Path TARGET = BASE.resolve("target");
    public static final PackagingArtifacts ARTIFACTS = new PackagingArtifacts(BASE, TARGET);
    public static final String SYNC_HINT = "regenerate the committed copies with: "
            + "mvn -B package -DskipTests -Dpackaging.sync=true (then review and commit the diff)";

    private Build() {
    }

    /**
     * The packaging tests check the package phase's output, so they run in the packaging-tests surefire execution
     * (phase package, which sets packaging.phase). Anywhere else (say -Dtest=BundleTest in the test phase, before
     * target/bundle is rebuilt) they are skipped rather than checking stale or missing files.
     */
    public static void assumePackagePhase() {
        org.junit.jupiter.api.Assumptions.assumeTrue("package".equals(System.getProperty("packaging.phase")),
                "packaging checks run in the package phase (surefire execution packaging-tests)");
    }

    public static Path generatedCrd() {
        return existing(TARGET.resolve("kubernetes").resolve(PackagingArtifacts.CRD_NAME + "-v1.yml"));
    }

    /** The documents of target/kubernetes/kubernetes.yml. */
    public static List<JsonNode> generatedManifests() {
        return Yaml.readAll(existing(TARGET.resolve("kubernetes").resolve("kubernetes.yml")));
    }

    public static JsonNode generatedClusterRole() {
        return Rbac.only(generatedManifests(), "ClusterRole", "dittoserver-cluster-role");
    }

    /** The project version, as the bundle generator wrote it into the CSV. */
    public static String projectVersion() {
        return csv(ARTIFACTS.generatedBundle()).at("/spec/version").asText();
    }

    public static JsonNode csv(Path bundleDir) {
        return Yaml.read(existing(bundleDir.resolve("manifests").resolve(PackagingArtifacts.CSV_FILE)));
    }

    public static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new AssertionError(p + " does not exist: run the package phase first (mvn -B package)");
        }
        return p;
    }

    /** Asserts that two directory trees hold the same files with the same bytes. */
    public static void assertSameTree(Path committed, Path generated) {
        existing(generated);
        assertThat(committed).as(committed + " is missing; " + SYNC_HINT).exists();
        List<String> a = files(committed);
        List<String> b = files(generated);
        assertThat(a).as("files in " + BASE.relativize(committed) + " vs " + BASE.relativize(generated) + "; "
                + SYNC_HINT).containsExactlyElementsOf(b);
        for (String f : a) {
            assertSameFile(committed.resolve(f), generated.resolve(f));
        }
    }

    public static void assertSameFile(Path committed, Path generated) {
        try {
            byte[] x = Files.readAllBytes(committed);
            byte[] y = Files.readAllBytes(existing(generated));
            if (!Arrays.equals(x, y)) {
                throw new AssertionError(BASE.relativize(committed) + " differs from the build's "
                        + BASE.relativize(generated) + firstDifference(new String(x), new String(y)) + "\n" + SYNC_HINT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<end of file>";
            String r = i < y.length ? y[i] : "<end of file>";
            if (!l.equals(r)) {
                return " at line " + (i + 1) + ":\n  committed: " + l + "\n  generated: " + r;
            }
        }
        return "";
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
