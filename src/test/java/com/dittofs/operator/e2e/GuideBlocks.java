package com.dittofs.operator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The YAML blocks of a guide under docs/ that a marker comment says a test applies, so the guide stays true. */
final class GuideBlocks {

    private GuideBlocks() {
    }

    /** The objects of the fenced yaml block right after the line {@code <!-- <marker> -->}. */
    static List<HasMetadata> objects(String guide, String marker) {
        try {
            String text = Files.readString(Path.of("docs", guide));
            int at = text.indexOf("<!-- " + marker + " -->");
            if (at < 0) {
                throw new IllegalStateException(guide + " has no block marked " + marker);
            }
            int start = text.indexOf("```yaml\n", at) + "```yaml\n".length();
            String yaml = text.substring(start, text.indexOf("```", start));
            List<HasMetadata> objects = new ArrayList<>();
            var docs = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                Class<? extends HasMetadata> type = "DittoServer".equals(doc.path("kind").asText())
                        ? DittoServer.class : HasMetadata.class;
                objects.add(Serialization.unmarshal(doc.toString(), type));
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
