package com.dittofs.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Every shipped alert links its runbook: a heading of docs/TROUBLESHOOTING.md, in both copies of the rules. */
class RunbookUrlTest {

    static final String DOC = "docs/TROUBLESHOOTING.md";
    static final String BASE = "https://github.com/dittofs/dittofs-operator/blob/main/" + DOC + "#";

    @Test
    void everyAlertHasARunbookUrlToAHeadingOfTheTroubleshootingGuide() throws IOException {
        Set<String> anchors = Files.readAllLines(Path.of(DOC)).stream().filter(l -> l.startsWith("#"))
                .map(RunbookUrlTest::anchor).collect(Collectors.toSet());
        JsonNode docsRule = MonitoringArtifacts.read(MonitoringArtifacts.DOCS_RULE, new YAMLMapper());
        for (JsonNode groups : new JsonNode[] {MonitoringArtifacts.alerts().path("groups"),
            docsRule.at("/spec/groups")}) {
            assertThat(groups).isNotEmpty();
            groups.forEach(g -> g.path("rules").forEach(rule -> {
                String alert = rule.path("alert").asText();
                String url = rule.at("/annotations/runbook_url").asText();
                assertThat(url).as(alert).isEqualTo(BASE + alert.toLowerCase(Locale.ROOT));
                assertThat(anchors).as("a heading \"### %s\" in %s", alert, DOC)
                        .contains(url.substring(BASE.length()));
            }));
        }
    }

    /** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as dashes. */
    static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
