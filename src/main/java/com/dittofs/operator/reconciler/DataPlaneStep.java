package com.dittofs.operator.reconciler;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.dataplane.DataPlaneReport;
import com.dittofs.operator.dataplane.DataPlaneSync;
import com.dittofs.operator.dataplane.DesiredDataPlane;
import com.dittofs.operator.dependent.PodInputs;
import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretResolution;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Converges the dfs data plane (adapters, stores, shares) through the server's REST API once its pod is ready,
 * as the admin whose password the operator holds. Failures become the DataPlaneReady condition; the file server is
 * never restarted to fix a data-plane problem.
 */
@ApplicationScoped
public class DataPlaneStep {

    /** How the operator reaches a server's REST API. */
    public enum ApiAccess {
        /** {@code http://<name>-api.<namespace>.svc:<port>}: the operator runs in the cluster. */
        SERVICE,
        /** {@code http://<pod IP>:<port>}: the operator runs outside the cluster but can route to pod IPs. */
        POD_IP
    }

    @Inject
    DfsClientFactory clients;

    @ConfigProperty(name = "dittofs.operator.data-plane.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "dittofs.operator.data-plane.api-access", defaultValue = "service")
    String access;

    DataPlaneOutcome run(DittoServer server, PodInputs inputs, boolean podReady, KubernetesClient client) {
        List<String> managed = previouslyManaged(server);
        if (!enabled) {
            return new DataPlaneOutcome(true, ConditionTypes.REASON_NOT_MANAGED,
                    "The operator does not manage adapters, stores and shares (dittofs.operator.data-plane.enabled"
                            + " is false)", null, managed);
        }
        if (!podReady || !inputs.secrets().complete()) {
            return waiting(server, managed, "Waiting for the server pod to become ready");
        }
        Optional<URI> uri = apiUri(server, client);
        if (uri.isEmpty()) {
            return waiting(server, managed, "Waiting for the server pod's address");
        }
        String password = value(inputs.secrets(), PodEnvironment.ADMIN_PASSWORD_ENV).orElseThrow();
        Optional<DesiredDataPlane.S3Credentials> s3 = value(inputs.secrets(), "AWS_ACCESS_KEY_ID")
                .map(id -> new DesiredDataPlane.S3Credentials(id,
                        value(inputs.secrets(), "AWS_SECRET_ACCESS_KEY").orElse(""),
                        value(inputs.secrets(), "AWS_ENDPOINT_URL").orElse(null)));
        DataPlaneReport report;
        try {
            report = DataPlaneSync.converge(clients.client(uri.get(), password),
                    DesiredDataPlane.from(server.getSpec(), s3), managed);
        } catch (DfsApiException e) {
            // Login itself failed: unreachable, or the admin password is not the one dfs was first started with.
            return failed(server, managed, e);
        }
        report.changes().forEach(change ->
                EventRecorder.normal(client, server, EventReasons.DATA_PLANE_CHANGED, change));
        List<ShareStatus> shares = report.shares().stream()
                .map(s -> new ShareStatus(s.name(), s.ready(), s.message()))
                .toList();
        if (report.converged()) {
            return new DataPlaneOutcome(true, ConditionTypes.REASON_CONVERGED,
                    "Adapters, stores and " + shares.size() + " share(s) are as declared", shares,
                    report.managedShares());
        }
        String reason = report.problem() != null && report.problem().startsWith("Connection failed")
                ? ConditionTypes.REASON_SERVER_UNREACHABLE : ConditionTypes.REASON_API_ERROR;
        return new DataPlaneOutcome(false, reason, report.problem(), shares, report.managedShares());
    }

    private static DataPlaneOutcome waiting(DittoServer server, List<String> managed, String message) {
        return new DataPlaneOutcome(false, ConditionTypes.REASON_WAITING_FOR_SERVER, message, currentShares(server),
                managed);
    }

    private static DataPlaneOutcome failed(DittoServer server, List<String> managed, DfsApiException e) {
        String reason = e.status() == DfsApiException.NO_RESPONSE ? ConditionTypes.REASON_SERVER_UNREACHABLE
                : ConditionTypes.REASON_API_ERROR;
        return new DataPlaneOutcome(false, reason, e.getMessage(), currentShares(server), managed);
    }

    private static List<ShareStatus> currentShares(DittoServer server) {
        return server.getStatus() == null ? null : server.getStatus().getShares();
    }

    private static List<String> previouslyManaged(DittoServer server) {
        return server.getStatus() == null || server.getStatus().getManagedShares() == null
                ? List.of() : server.getStatus().getManagedShares();
    }

    private Optional<URI> apiUri(DittoServer server, KubernetesClient client) {
        int port = server.getSpec().getControlPlane().getPort();
        String namespace = server.getMetadata().getNamespace();
        if (ApiAccess.valueOf(access.toUpperCase(java.util.Locale.ROOT).replace('-', '_')) == ApiAccess.SERVICE) {
            return Optional.of(URI.create("http://" + Names.apiService(server) + "." + namespace + ".svc:" + port));
        }
        Pod pod = client.pods().inNamespace(namespace).withName(Names.statefulSet(server) + "-0").get();
        return Optional.ofNullable(pod).map(p -> p.getStatus().getPodIP())
                .map(ip -> URI.create("http://" + ip + ":" + port));
    }

    /** The plain value behind a Secret-fed variable of the pod. */
    private static Optional<String> value(SecretResolution secrets, String env) {
        return secrets.resolved().stream()
                .filter(r -> r.binding().env().equals(env))
                .map(r -> new String(Base64.getDecoder().decode(r.value()), StandardCharsets.UTF_8))
                .findFirst();
    }
}
