package com.dittofs.operator.reconciler;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Restarts dfs by deleting its pod (the StatefulSet makes it again), for settings dfs stores in its database and reads
 * only at start (the Kerberos service principal and realm). Only the pod the sync talked to: one that was replaced
 * meanwhile has read the new settings already.
 */
final class ServerRestart {

    private ServerRestart() {
    }

    static void restart(KubernetesClient client, DittoServer server, String podUid) {
        var pod = client.pods().inNamespace(server.getMetadata().getNamespace()).withName(Names.serverPod(server));
        var current = pod.get();
        if (podUid == null || current == null || !podUid.equals(current.getMetadata().getUid())) {
            return;
        }
        pod.delete();
        EventRecorder.normal(client, server, com.dittofs.operator.events.EventReasons.DATA_PLANE_CHANGED,
                "Restarted pod " + Names.serverPod(server) + ": dfs applies spec.identity.kerberos when it starts");
    }
}
