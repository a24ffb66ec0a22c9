package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes types the spec embeds (labels, annotations, node selectors, tolerations, affinity, resources,
 * sysctls, pull secrets, Service source ranges, network policy peers), on the real apiserver: what the apiserver would
 * refuse in the StatefulSet, Service or NetworkPolicy is refused when the DittoServer is created, with a message
 * naming the field; odd but valid values are admitted. Dry runs: nothing is stored, nothing reconciled. Runs on the
 * oldest Kubernetes too, where CEL has no CIDR functions.
 */
@QuarkusIntegrationTest
class EmbeddedTypesAdmissionIT extends E2E {

    private static final String BASE = "storage: {metadataSize: 1Gi}, ";
    private static final String LB = "service: {type: LoadBalancer, loadBalancerSourceRanges: ['%s']}";
    private static final String PEER = "networkPolicy: {enabled: true, fileClients: [%s]}";
    private static final String NODE_TERM = "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " {nodeSelectorTerms: [{matchExpressions: [%s]}]}}}";
    private static final String POD_TERM = "affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
            + " [%s]}}";
    private static final String KEYS = "keys must be qualified names";
    private static final String MATCH = "should match";

    static Stream<Arguments> refused() {
        return Stream.of(
                // Service source ranges
                Arguments.of(LB.formatted("10.0.0.0/33"), "spec.service.loadBalancerSourceRanges[0]", MATCH),
                Arguments.of(LB.formatted("10.0.0.0"), "spec.service.loadBalancerSourceRanges[0]", MATCH),
                Arguments.of(LB.formatted("300.1.2.0/24"), "spec.service.loadBalancerSourceRanges[0]", MATCH),
                Arguments.of(LB.formatted("2001:db8::/129"), "spec.service.loadBalancerSourceRanges[0]", MATCH),
                Arguments.of(LB.formatted("any"), "spec.service.loadBalancerSourceRanges[0]", MATCH),
                // labels and annotations
                Arguments.of("podLabels: {'bad key': x}", "spec.podLabels", KEYS),
                Arguments.of("podLabels: {'-team': x}", "spec.podLabels", KEYS),
                Arguments.of("podLabels: {'" + "k".repeat(64) + "': x}", "spec.podLabels", KEYS),
                Arguments.of("podLabels: {'Example.com/team': x}", "spec.podLabels", KEYS),
                Arguments.of("podLabels: {'" + "p".repeat(254) + "/team': x}", "spec.podLabels", KEYS),
                Arguments.of("podLabels: {team: 'a b'}", "spec.podLabels.team", MATCH),
                Arguments.of("podLabels: {team: '-a'}", "spec.podLabels.team", MATCH),
                Arguments.of("podLabels: {team: '" + "v".repeat(64) + "'}", "spec.podLabels.team", "63"),
                Arguments.of("podAnnotations: {'a/b/c': x}", "spec.podAnnotations", KEYS),
                Arguments.of("service: {annotations: {'with space': x}}", "spec.service.annotations", KEYS),
                // node selector
                Arguments.of("nodeSelector: {'zone!': a}", "spec.nodeSelector", KEYS),
                Arguments.of("nodeSelector: {zone: 'a/b'}", "spec.nodeSelector.zone", MATCH),
                // tolerations
                Arguments.of("tolerations: [{operator: Sometimes, key: a}]", "spec.tolerations[0].operator", MATCH),
                Arguments.of("tolerations: [{key: a, effect: NoRun}]", "spec.tolerations[0].effect", MATCH),
                Arguments.of("tolerations: [{key: 'bad key'}]", "spec.tolerations[0].key", MATCH),
                Arguments.of("tolerations: [{value: x}]", "spec.tolerations[0]",
                        "a toleration without a key needs operator Exists"),
                Arguments.of("tolerations: [{key: a, operator: Exists, value: x}]", "spec.tolerations[0]",
                        "a toleration with operator Exists has no value"),
                Arguments.of("tolerations: [{key: a, effect: NoSchedule, tolerationSeconds: 30}]",
                        "spec.tolerations[0]", "tolerationSeconds needs effect NoExecute"),
                Arguments.of("tolerations: [{key: a, value: 'x y'}]", "spec.tolerations[0].value", MATCH),
                // affinity
                Arguments.of(NODE_TERM.formatted("{key: zone, operator: Near, values: [a]}"),
                        "nodeSelectorTerms[0].matchExpressions[0].operator", MATCH),
                Arguments.of(NODE_TERM.formatted("{key: zone, operator: In}"),
                        "nodeSelectorTerms[0].matchExpressions[0]", "operators In and NotIn need values"),
                Arguments.of(NODE_TERM.formatted("{key: zone, operator: Exists, values: [a]}"),
                        "nodeSelectorTerms[0].matchExpressions[0]", "Exists and DoesNotExist none"),
                Arguments.of(NODE_TERM.formatted("{key: cpus, operator: Gt, values: [many]}"),
                        "nodeSelectorTerms[0].matchExpressions[0]", "Gt and Lt exactly one integer"),
                Arguments.of(NODE_TERM.formatted("{key: 'zone/', operator: Exists}"),
                        "nodeSelectorTerms[0].matchExpressions[0].key", MATCH),
                Arguments.of("affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
                        + " {nodeSelectorTerms: []}}}", "nodeSelectorTerms", "1"),
                Arguments.of(POD_TERM.formatted("{topologyKey: '', labelSelector: {matchLabels: {app: x}}}"),
                        "requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey", ""),
                Arguments.of(POD_TERM.formatted("{topologyKey: zone, labelSelector: {matchLabels: {'a b': x}}}"),
                        "labelSelector.matchLabels", KEYS),
                Arguments.of(POD_TERM.formatted("{topologyKey: zone, labelSelector: {matchExpressions:"
                        + " [{key: app, operator: Equals, values: [x]}]}}"),
                        "labelSelector.matchExpressions[0].operator", MATCH),
                Arguments.of(POD_TERM.formatted("{topologyKey: zone, labelSelector: {matchExpressions:"
                        + " [{key: app, operator: NotIn}]}}"),
                        "labelSelector.matchExpressions[0]", "operators In and NotIn need values"),
                Arguments.of("affinity: {podAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 101,"
                        + " podAffinityTerm: {topologyKey: zone}}]}}",
                        "preferredDuringSchedulingIgnoredDuringExecution[0].weight", "100"),
                // resources
                Arguments.of("resources: {requests: {cpu: lots}}", "spec.resources.requests", "quantities"),
                Arguments.of("resources: {limits: {memory: 1Gx}}", "spec.resources.limits", "quantities"),
                Arguments.of("resources: {requests: {cpu: '-1'}}", "spec.resources.requests", "non-negative"),
                Arguments.of("resources: {requests: {gpus: 1}}", "spec.resources.requests", "resource names"),
                Arguments.of("resources: {requests: {memory: 2Gi}, limits: {memory: 1Gi}}", "spec.resources",
                        "each request must be less than or equal to its limit"),
                Arguments.of("resources: {requests: {cpu: 2}, limits: {cpu: 1500m}}", "spec.resources",
                        "each request must be less than or equal to its limit"),
                // sysctls
                Arguments.of("podSecurityContext: {sysctls: [{name: 'net..ipv4', value: '1'}]}",
                        "spec.podSecurityContext.sysctls[0].name", MATCH),
                Arguments.of("podSecurityContext: {sysctls: [{name: 'Net.IPv4.x', value: '1'}]}",
                        "spec.podSecurityContext.sysctls[0].name", MATCH),
                // image pull secrets
                Arguments.of("imagePullSecrets: [{name: Registry_Creds}]", "spec.imagePullSecrets[0].name", MATCH),
                Arguments.of("imagePullSecrets: [{}]", "spec.imagePullSecrets[0].name", "Required"),
                // network policy peers
                Arguments.of(PEER.formatted("{ipBlock: {cidr: 10.0.0.0/40}}"),
                        "spec.networkPolicy.fileClients[0].ipBlock.cidr", MATCH),
                Arguments.of(PEER.formatted("{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0]}}"),
                        "spec.networkPolicy.fileClients[0].ipBlock.except[0]", MATCH),
                Arguments.of(PEER.formatted("{podSelector: {matchLabels: {app: 'no spaces'}}}"),
                        "spec.networkPolicy.fileClients[0].podSelector.matchLabels.app", MATCH),
                Arguments.of(PEER.formatted("{namespaceSelector: {matchExpressions: [{key: team, operator: In}]}}"),
                        "spec.networkPolicy.fileClients[0].namespaceSelector.matchExpressions[0]",
                        "operators In and NotIn need values"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void refusedNamingTheField(String spec, String field, String message) {
        KubernetesClientException error = catchThrowableOfType(KubernetesClientException.class,
                () -> admin.resource(server(BASE + spec)).dryRun().create());
        assertThat(error).as("admitted: " + spec).isNotNull();
        assertThat(error.getCode()).isEqualTo(422);
        assertThat(error.getMessage()).contains(field).contains(message);
    }

    static Stream<Arguments> admitted() {
        return Stream.of(
                Arguments.of("source ranges of both families", "service: {type: LoadBalancer,"
                        + " loadBalancerSourceRanges: [0.0.0.0/0, 192.168.1.7/32, '::/0', '2001:db8::/32']}"),
                Arguments.of("prefixed keys and empty values", "podLabels: {'example.com/team': '',"
                        + " 'a.b-c.d/x_y.z': 'A-1_b.2'}, nodeSelector: {'topology.kubernetes.io/zone': eu-1a},"
                        + " podAnnotations: {'" + "p".repeat(253) + "/" + "n".repeat(63) + "': '{\"json\": true}'}"),
                Arguments.of("every toleration form", "tolerations: [{operator: Exists},"
                        + " {key: a, operator: Exists, effect: NoSchedule}, {key: b, value: c},"
                        + " {key: 'node.kubernetes.io/unreachable', operator: Exists, effect: NoExecute,"
                        + " tolerationSeconds: 60}, {key: d, operator: Equal, value: '', effect: PreferNoSchedule}]"),
                Arguments.of("affinity with every operator", "affinity: {nodeAffinity: {"
                        + "requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions:"
                        + " [{key: a, operator: In, values: [x, y]}, {key: b, operator: DoesNotExist},"
                        + " {key: cpus, operator: Gt, values: ['-3']}]}, {matchFields: [{key: metadata.name,"
                        + " operator: NotIn, values: [n1]}]}]}, preferredDuringSchedulingIgnoredDuringExecution:"
                        + " [{weight: 100, preference: {matchExpressions: [{key: c, operator: Exists}]}}]},"
                        + " podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1,"
                        + " podAffinityTerm: {topologyKey: kubernetes.io/hostname, namespaces: [ns-1],"
                        + " labelSelector: {matchExpressions: [{key: app, operator: NotIn, values: [x]}]},"
                        + " namespaceSelector: {}}}]}}"),
                Arguments.of("odd resources", "resources: {requests: {cpu: 0, memory: '1e3', ephemeral-storage: 1Ki,"
                        + " hugepages-2Mi: 0}, limits: {cpu: 1, memory: 1000, example.com/dongle: 1}}"),
                Arguments.of("sysctls and pull secrets", "podSecurityContext: {sysctls: [{name: net.ipv4.ip_forward,"
                        + " value: '1'}, {name: kernel/shm_rmid_forced, value: '0'}]},"
                        + " imagePullSecrets: [{name: regcred}, {name: a.b-c}]"),
                Arguments.of("peers with except and selectors", PEER.formatted("{ipBlock: {cidr: 10.0.0.0/8,"
                        + " except: [10.1.0.0/16, 10.2.3.4/32]}}, {ipBlock: {cidr: 'fd00::/8'}},"
                        + " {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': monitoring}},"
                        + " podSelector: {matchExpressions: [{key: app, operator: Exists}]}}")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("admitted")
    void admitted(String what, String spec) {
        assertThat(admin.resource(server(BASE + spec)).dryRun().create().getMetadata().getName())
                .isEqualTo("embedded");
    }

    private static GenericKubernetesResource server(String specYaml) {
        return Serialization.unmarshal("""
                apiVersion: dittofs.dittofs.com/v1alpha1
                kind: DittoServer
                metadata: {name: embedded, namespace: %s}
                spec: {%s}
                """.formatted(namespace, specYaml), GenericKubernetesResource.class);
    }
}
