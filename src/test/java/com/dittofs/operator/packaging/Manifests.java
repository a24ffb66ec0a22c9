package com.dittofs.operator.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a user can install, as files for the standard checkers (kubeconform, kube-score): the chart rendered
 * with its defaults and with the value combinations that switch its optional templates on, the kubectl manifests
 * (deploy/) and the OLM bundle's manifests.
 */
final class Manifests {

    /**
     * Chart values that change which objects render or how: the defaults and chart-testing's value files
     * (helm/dittofs-operator/ci/*-values.yaml, which {@code ct lint} lints too), each render checked on its own.
     */
    static final Map<String, List<String>> CHART_VALUES = chartValues();

    private Manifests() {
    }

    private static Map<String, List<String>> chartValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("chart defaults", List.of());
        try (Stream<Path> files = Files.list(Helm.CHART.resolve("ci"))) {
            files.sorted().forEach(f -> values.put("chart ci/" + f.getFileName(), List.of("-f", f.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** name -> file: one rendered file per chart value set, deploy/*.yaml and bundle/manifests/*. */
    static Map<String, Path> all(Helm helm, Path dir) {
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (var e : CHART_VALUES.entrySet()) {
                List<String> args = new ArrayList<>(e.getValue());
                Path file = dir.resolve(e.getKey().replaceAll("[^\\w.-]", "_") + ".yaml");
                Files.writeString(file, helm.template(HelmChartTest.RELEASE, HelmChartTest.NS,
                        args.toArray(String[]::new)).orFail());
                files.put(e.getKey(), file);
            }
            for (Path root : List.of(Build.BASE.resolve("deploy"), Build.BASE.resolve("bundle/manifests"))) {
                try (Stream<Path> s = Files.list(root)) {
                    s.sorted().forEach(f -> files.put(Build.BASE.relativize(f).toString(), f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
