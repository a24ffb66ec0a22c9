package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every artefact release.yml pushes is signed keyless by the digest it was pushed as (never by a tag), and the SBOM
 * is attested on the operator images and attached to the GitHub release (docs/INSTALL.md#verifying-a-release).
 * Reads the workflow only: no package phase needed.
 */
class ReleaseSigningTest {

    static final Path RELEASE = Build.BASE.resolve(".github/workflows/release.yml");
    static final String SBOM = "target/dittofs-operator-sbom.cdx.json";
    /** {@code cosign sign} or {@code cosign attest} and the reference it signs (its last argument). */
    static final Pattern COSIGN = Pattern.compile("cosign (sign|attest) [^\\n]*?\"([^\"\\s]+)\"\\s*$",
            Pattern.MULTILINE);

    final JsonNode jobs = Yaml.read(RELEASE).path("jobs");

    @Test
    void everyJobThatPushesSignsWhatItPushedByDigest() {
        List<String> pushers = new ArrayList<>();
        for (var job : iterable(jobs.fields())) {
            String name = job.getKey();
            List<JsonNode> steps = list(job.getValue().path("steps"));
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                if (!pushes(step)) {
                    continue;
                }
                if (step.at("/with/outputs").asText().contains("push-by-digest=true")) {
                    // one platform of a multi-arch image, no tag: signed with the index that lists it (--recursive)
                    assertThat(runs(jobs.path("image-native-manifest"))).as("the job assembling %s's digests", name)
                            .contains("cosign sign --yes --recursive");
                    continue;
                }
                pushers.add(name);
                String id = step.path("id").asText();
                assertThat(id).as("%s: the pushing step needs an id, for its digest output", name).isNotEmpty();
                assertThat(job.getValue().at("/permissions/id-token").asText())
                        .as("%s: keyless signing needs GitHub's OIDC token", name).isEqualTo("write");
                List<JsonNode> after = steps.subList(i + 1, steps.size());
                assertThat(after).as("%s: cosign installed after the push", name)
                        .anySatisfy(s -> assertThat(s.path("uses").asText()).startsWith("sigstore/cosign-installer@"));
                assertThat(after).as("%s: a step signing the digest of step %s", name, id).anySatisfy(s -> {
                    assertThat(s.at("/env/DIGEST").asText()).isEqualTo("${{ steps." + id + ".outputs.digest }}");
                    assertThat(s.path("run").asText()).containsPattern("cosign sign --yes [^\\n]*@\\$DIGEST\"");
                });
            }
        }
        assertThat(pushers).as("jobs that push a tagged artefact")
                .containsExactlyInAnyOrder("image-jvm", "image-native-manifest", "chart", "bundle-image");
    }

    @Test
    void nothingIsSignedByTag() {
        int signatures = 0;
        for (var job : iterable(jobs.fields())) {
            Matcher m = COSIGN.matcher(runs(job.getValue()));
            while (m.find()) {
                signatures++;
                assertThat(m.group(2)).as("%s: cosign %s signs a digest", job.getKey(), m.group(1))
                        .endsWith("@$DIGEST");
            }
        }
        assertThat(signatures).isGreaterThanOrEqualTo(6);
        assertThat(Yaml.read(RELEASE).at("/permissions/id-token").isMissingNode())
                .as("the OIDC token only for the jobs that sign").isTrue();
    }

    @Test
    void theSbomIsAttestedOnBothOperatorImagesAndAttachedToTheRelease() {
        for (String job : List.of("image-jvm", "image-native-manifest")) {
            String run = runs(jobs.path(job));
            assertThat(run).as(job).contains("cosign attest --yes --type cyclonedx --predicate " + SBOM);
            assertThat(run).as(job + " builds the SBOM").containsPattern("mvnw -B -ntp (package|cyclonedx:makeBom)");
        }
        assertThat(list(jobs.at("/image-jvm/steps"))).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("actions/upload-artifact@");
            assertThat(s.at("/with/path").asText()).isEqualTo(SBOM);
        });
        String release = runs(jobs.path("github-release"));
        assertThat(release).contains("dist/dittofs-operator-sbom.cdx.json", "cosign sign-blob --yes --bundle",
                "gh release create");
        assertThat(jobs.at("/github-release/permissions/id-token").asText()).isEqualTo("write");
    }

    /** A step that puts something into a registry. */
    static boolean pushes(JsonNode step) {
        String run = step.path("run").asText();
        return step.path("uses").asText().startsWith("docker/build-push-action@")
                && (step.at("/with/push").asBoolean() || step.at("/with/outputs").asText().contains("push=true"))
                || run.contains("helm\" push") || run.contains("imagetools create");
    }

    static String runs(JsonNode job) {
        return String.join("\n", list(job.path("steps")).stream().map(s -> s.path("run").asText()).toList());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(java.util.Iterator<Map.Entry<String, JsonNode>> it) {
        return () -> it;
    }
}
