package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plays the kubelet where kwok cannot: kwok marks pods Running but runs nothing. {@link #runOperator} starts the
 * packaged operator (target/quarkus-app) for a simulated operator pod, on the pod's IP (a loopback address) and its
 * container port, with the pod's environment and the token of its ServiceAccount, as its container would run.
 * {@link #runWgetHook} runs a {@code wget URL} test-hook container: the URL's Service is resolved to a ready pod
 * as cluster DNS, the endpoints controller and kube-proxy would, the GET is made, and the pod's phase is set to Succeeded or
 * Failed from the outcome, which is what {@code helm test} waits for.
 */
final class HookKubelet {

    private static final Path JAR = Build.TARGET.resolve("quarkus-app").resolve("quarkus-run.jar");

    private HookKubelet() {
    }

    /** Starts the operator container of {@code pod}; the caller destroys the process. */
    static Process runOperator(JsonNode pod, String apiServerUrl, Path caCert, String token, Path log)
            throws IOException {
        JsonNode container = pod.at("/spec/containers/0");
        String ip = pod.at("/status/podIP").asText();
        int port = container.at("/ports/0/containerPort").asInt();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + ip, "-Dquarkus.http.port=" + port,
                "-Dquarkus.kubernetes-client.api-server-url=" + apiServerUrl,
                "-Dquarkus.kubernetes-client.ca-cert-file=" + caCert,
                "-Dquarkus.kubernetes-client.token=" + token,
                // what the pod's namespace file would tell it
                "-Dquarkus.kubernetes-client.namespace=" + pod.at("/metadata/namespace").asText(),
                "-Ddittofs.operator.lease-namespace=" + pod.at("/metadata/namespace").asText(),
                "-Ddittofs.operator.data-plane.enabled=false",
                "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env(pod));
        builder.environment().put("HOSTNAME", pod.at("/metadata/name").asText());
        return builder.start();
    }

    /** The container's environment: plain values, and the pod's namespace where a fieldRef asks for it. */
    static Map<String, String> env(JsonNode pod) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode e : pod.at("/spec/containers/0/env")) {
            if (e.has("value")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            } else if ("metadata.namespace".equals(e.at("/valueFrom/fieldRef/fieldPath").asText())) {
                env.put(e.path("name").asText(), pod.at("/metadata/namespace").asText());
            }
        }
        return env;
    }

    /**
     * Runs a {@code wget ... http://<service>.<namespace>.svc:<port>/<path>} hook pod (already Running, as kwok left
     * it) and returns the phase it was given.
     */
    static String runWgetHook(JsonNode pod, Kubectl kubectl) {
        JsonNode command = pod.at("/spec/containers/0/command");
        if (!"wget".equals(command.path(0).asText())) {
            throw new IllegalArgumentException("not a wget hook: " + command);
        }
        URI url = URI.create(command.get(command.size() - 1).asText());
        String[] host = url.getHost().split("\\.");
        String target = resolve(kubectl, host[1], host[0], url.getPort());
        boolean ok = target != null && get("http://" + target + url.getRawPath());
        String phase = ok ? "Succeeded" : "Failed";
        String status = """
                {"status": {"phase": "%s", "containerStatuses": [{"name": "%s", "image": "%s", "imageID": "",
                 "ready": false, "restartCount": 0, "started": false,
                 "state": {"terminated": {"exitCode": %d, "reason": "%s"}}}]}}"""
                .formatted(phase, pod.at("/spec/containers/0/name").asText(),
                        pod.at("/spec/containers/0/image").asText(), ok ? 0 : 1, ok ? "Completed" : "Error");
        kubectl.run("-n", pod.at("/metadata/namespace").asText(), "patch", "pod", pod.at("/metadata/name").asText(),
                "--subresource=status", "--type=merge", "-p", status).orFail();
        return phase;
    }

    /**
     * ip:port of a ready pod behind the Service's port, or null (nothing ready: the GET cannot connect). Resolved
     * from the Service's selector as the endpoints controller does: this cluster's pod IPs are loopback addresses,
     * which Endpoints and EndpointSlices refuse, so the controller publishes none.
     */
    private static String resolve(Kubectl kubectl, String namespace, String service, int servicePort) {
        JsonNode spec = kubectl.json("-n", namespace, "get", "service", service).path("spec");
        JsonNode port = null;
        for (JsonNode p : spec.path("ports")) {
            if (p.path("port").asInt() == servicePort) {
                port = p;
            }
        }
        if (port == null) {
            return null;
        }
        List<String> selector = new ArrayList<>();
        spec.path("selector").fields().forEachRemaining(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
        JsonNode pods = kubectl.json("-n", namespace, "get", "pods", "-l", String.join(",", selector));
        for (JsonNode pod : pods.path("items")) {
            boolean ready = false;
            for (JsonNode c : pod.at("/status/conditions")) {
                ready |= "Ready".equals(c.path("type").asText()) && "True".equals(c.path("status").asText());
            }
            Integer target = targetPort(pod, port.path("targetPort"));
            if (ready && target != null && pod.at("/metadata/deletionTimestamp").isMissingNode()) {
                return pod.at("/status/podIP").asText() + ":" + target;
            }
        }
        return null;
    }

    private static Integer targetPort(JsonNode pod, JsonNode targetPort) {
        if (targetPort.isInt()) {
            return targetPort.asInt();
        }
        for (JsonNode container : pod.at("/spec/containers")) {
            for (JsonNode p : container.path("ports")) {
                if (targetPort.asText().equals(p.path("name").asText())) {
                    return p.path("containerPort").asInt();
                }
            }
        }
        return null;
    }

    /** wget -q -T 10: success on a 2xx answer. */
    static boolean get(String url) {
        try {
            var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            int code = connection.getResponseCode();
            return code / 100 == 2;
        } catch (IOException e) {
            return false;
        }
    }

    static void stop(Process process) {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** kubectl against one cluster. */
    record Kubectl(Path binary, Map<String, String> env) {
        Proc.Result run(String... args) {
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            command.addAll(List.of(args));
            return Proc.run(command, env, null, java.time.Duration.ofMinutes(2));
        }

        JsonNode json(String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("-o", "json"));
            try {
                return Yaml.JSON.readTree(run(all.toArray(String[]::new)).orFail());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
