package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the README's quick start and the upgrade notes tell a user, against the guides and samples they rest on: the
 * mount of step 5 works from a workstation with the options docs/USING_SHARES.md says dfs needs, and INSTALL.md and
 * UPGRADES.md say the same about a new default dfs image (PackagingClusterIT proves what they say).
 */
class QuickStartDocTest {

    static final Pattern MOUNT = Pattern.compile("(?m)^sudo mount -t nfs -o (\\S+) (\\S+):(/\\S*) \\S+$");
    static final Pattern PORT_FORWARD = Pattern.compile("(?m)^kubectl port-forward svc/([\\w-]+) (\\d+):(\\d+) &$");

    @Test
    void quickStartMountsThroughAPortForwardWithTheOptionsDfsNeeds() throws IOException {
        String readme = Files.readString(Build.BASE.resolve("README.md"));
        Matcher mount = MOUNT.matcher(readme);
        assertThat(mount.find()).as("README.md shows a mount -t nfs").isTrue();
        // a workstation resolves no *.svc name: the mount goes through a port-forward on this machine
        assertThat(mount.group(2)).isEqualTo("127.0.0.1");
        Matcher forward = PORT_FORWARD.matcher(readme);
        assertThat(forward.find()).as("README.md forwards a port to the -file Service").isTrue();
        JsonNode sample = Yaml.readAll(Build.BASE.resolve("docs/samples/dittofs_v1alpha1_dittoserver.yaml")).get(0);
        assertThat(forward.group(1)).isEqualTo(sample.at("/metadata/name").asText() + "-file");
        assertThat(forward.group(3)).isEqualTo("2049");
        List<String> options = List.of(mount.group(1).split(","));
        assertThat(options).contains("port=" + forward.group(2), "mountport=" + forward.group(2));
        assertThat(mount.group(3)).isEqualTo("/export");
        // every option of the PersistentVolume in docs/USING_SHARES.md (which AccessIT applies)
        String guide = Files.readString(Build.BASE.resolve("docs/USING_SHARES.md"));
        Matcher pv = Pattern.compile("mountOptions: \\[([^]]+)]").matcher(guide);
        assertThat(pv.find()).isTrue();
        List<String> needed = new ArrayList<>();
        for (String o : pv.group(1).split(",")) {
            needed.add(o.strip());
        }
        assertThat(options).containsAll(needed);
    }

    @Test
    void installAndUpgradesAgreeThatANewDefaultImageRollsNoServer() throws IOException {
        String install = section(Files.readString(Build.BASE.resolve("docs/INSTALL.md")), "## Upgrade");
        String upgrades = section(Files.readString(Build.BASE.resolve("docs/UPGRADES.md")), "## Upgrading dfs");
        for (String text : List.of(install, upgrades)) {
            assertThat(text.replaceAll("\\s+", " ")).contains("existing servers keep the image they were created with");
        }
        assertThat(install).doesNotContain("a new default `dfs` image, for instance");
    }

    /** The text from the heading line to the next heading of the same or a higher level. */
    static String section(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        Matcher next = Pattern.compile("\n#{1," + (level.length() - 1) + "} ").matcher(doc);
        int end = next.find(start + heading.length() + 1) ? next.start() : doc.length();
        return doc.substring(start, end);
    }
}
