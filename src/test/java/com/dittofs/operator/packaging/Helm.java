package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The chart and the pinned helm binary (hack/tools.sh). */
public final class Helm {

    public static final Path CHART = Build.BASE.resolve("helm").resolve(PackagingArtifacts.PACKAGE);

    private final Path binary;
    private final Map<String, String> env;

    public Helm(Map<String, String> env) {
        this.binary = Tools.ensure("helm");
        this.env = env;
    }

    public Helm() {
        this(Map.of());
    }

    public Proc.Result run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        return Proc.run(command, env, null, Duration.ofMinutes(5));
    }

    public Proc.Result run(String... args) {
        return run(List.of(args));
    }

    /**
     * helm template RELEASE CHART -n NAMESPACE ARGS..., as raw text. No --kube-version: hack/tools.sh builds helm
     * with the tests' Kubernetes as its default, so it renders as a user's `helm template` would.
     */
    public Proc.Result template(String release, String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("template", release, CHART.toString(), "--namespace",
                namespace));
        command.addAll(List.of(args));
        return run(command);
    }

    /** The rendered documents; fails the test when rendering fails. */
    public List<JsonNode> render(String release, String namespace, String... args) {
        return Yaml.readAll(template(release, namespace, args).orFail());
    }
}
