package com.dittofs.operator.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kubernetes conventions the CRD generator cannot express. fabric8's generator sorts printer columns by jsonPath,
 * which puts AGE first; kubectl users expect READY and PHASE first and AGE last. The packaging step rewrites the
 * generated CRD (target/kubernetes, and the bundle's copy) with the columns in this order, before anything else reads
 * it.
 */
public final class CrdConventions {

    private CrdConventions() {
    }

    /**
     * Rewrites a CRD file with its printer columns in the given order ({@link OwnedKind#printerColumns()}), as text
     * (the generator's formatting stays as it is, so the committed copies differ only where the order does).
     * Idempotent.
     */
    static void orderPrinterColumns(Path crdFile, List<String> order) throws IOException {
        List<String> lines = Files.readAllLines(crdFile, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size();) {
            String line = lines.get(i);
            out.add(line);
            i++;
            if (!line.strip().endsWith("additionalPrinterColumns:")) {
                continue;
            }
            // the items: "<indent>- ..." lines and their deeper continuation lines
            String itemIndent = " ".repeat(line.indexOf("additionalPrinterColumns")) + "  ";
            if (line.strip().startsWith("- ")) {
                itemIndent = " ".repeat(line.indexOf('-') + 2);
            }
            List<List<String>> items = new ArrayList<>();
            while (i < lines.size()) {
                String l = lines.get(i);
                if (l.startsWith(itemIndent + "- ")) {
                    items.add(new ArrayList<>());
                } else if (items.isEmpty() || !l.startsWith(itemIndent + "  ")) {
                    break; // the next key of the version
                }
                items.get(items.size() - 1).add(l);
                i++;
            }
            items.sort(Comparator.comparingInt(item -> position(item, order)));
            items.forEach(out::addAll);
        }
        Files.writeString(crdFile, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    }

    private static int position(List<String> item, List<String> order) {
        String name = item.stream().map(String::strip).map(l -> l.startsWith("- ") ? l.substring(2) : l)
                .filter(l -> l.startsWith("name:")).findFirst()
                .map(l -> l.substring(5).strip().replace("\"", "")).orElse("");
        int position = order.indexOf(name);
        if (position < 0) {
            throw new IllegalStateException("printer column " + name + " has no place in"
                    + " the kind's OwnedKind.printerColumns: add it there");
        }
        return position;
    }
}
