package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.api.v1alpha1.ShareEndpoints;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.dataplane.AccessReport;
import com.dittofs.operator.dataplane.DataPlaneReport;
import com.dittofs.operator.dataplane.Ownership;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

/** Passwords from Secrets, access problems as DataPlaneReady reasons, and the per-share client endpoints. */
class AccessStatusTest {

    private static DittoServer withUser(String secret, String key) {
        DittoServer server = Fixtures.basic();
        UserSpec alice = new UserSpec();
        alice.setName("alice");
        alice.setPasswordSecretRef(new SecretKeySelector(key, secret, false));
        server.getSpec().setUsers(List.of(alice));
        return server;
    }

    @Test
    void passwordsComeFromTheirSecretAndProblemsNameSecretKeyAndFieldNeverAValue() {
        DittoServer server = withUser("alice-pw", "password");
        assertThat(UserPasswords.secretNames(server)).containsExactly("alice-pw");
        assertThat(ReferencedSecrets.names(server)).contains("alice-pw");
        assertThat(UserPasswords.resolve(server, Map.of()).get("alice").problem())
                .isEqualTo("Secret \"alice-pw\" (key \"password\", spec.users[alice].passwordSecretRef) not found");
        var wrongKey = Fixtures.secret("alice-pw", Map.of("pass", "long-enough-1"));
        assertThat(UserPasswords.resolve(server, Map.of("alice-pw", wrongKey)).get("alice").problem())
                .contains("has no key \"password\"");
        var tooShort = Fixtures.secret("alice-pw", Map.of("password", "short"));
        assertThat(UserPasswords.resolve(server, Map.of("alice-pw", tooShort)).get("alice").problem())
                .contains("must be 8 to 72 bytes").doesNotContain("short\"");
        var good = Fixtures.secret("alice-pw", Map.of("password", "long-enough-1"));
        assertThat(UserPasswords.resolve(server, Map.of("alice-pw", good)).get("alice").value())
                .isEqualTo("long-enough-1");
        assertThat(Base64.getDecoder().decode(good.getData().get("password"))).hasSize(13);
    }

    @Test
    void anAccessProblemIsTheReasonAndNamesTheUser() {
        var shares = List.of(new DataPlaneReport.ShareState("/export", true, "serving"));
        var access = new AccessReport(List.of(new AccessReport.UserState("alice", false, "user alice: 409 taken")),
                Ownership.none(), Ownership.none(),
                Map.of("/export", "everyone else: read-write; NFS squash root_to_guest"), List.of(),
                new AccessReport.Problem(AccessReport.Kind.USER, "user alice: 409 taken"), 0);
        DataPlaneOutcome outcome = DataPlaneOutcomes.of(new DataPlaneReport(shares,
                Ownership.of(List.of("/export"), null), List.of(), null, null, access, List.of()), null);
        assertThat(outcome.ready()).isFalse();
        assertThat(outcome.reason()).isEqualTo(ConditionTypes.REASON_USER_REJECTED);
        assertThat(outcome.message()).isEqualTo("user alice: 409 taken");
        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.shares().get(0).getAccess()).startsWith("everyone else: read-write");
        assertThat(outcome.access().users()).singleElement().satisfies(u -> assertThat(u.getReady()).isFalse());
        assertThat(DataPlaneOutcomes.reason(AccessReport.Kind.USER_SECRET_MISSING))
                .isEqualTo(ConditionTypes.REASON_USER_SECRET_MISSING);
        assertThat(DataPlaneOutcomes.reason(AccessReport.Kind.GROUP)).isEqualTo("GroupRejected");
        assertThat(DataPlaneOutcomes.reason(AccessReport.Kind.SHARE_ACCESS)).isEqualTo("ShareAccessRejected");
    }

    @Test
    void aPassThatStoppedBeforeTheUsersKeepsWhatTheStatusSaysOfThem() {
        var shares = List.of(new DataPlaneReport.ShareState("/export", false, "not reconciled"));
        var failure = com.dittofs.operator.dataplane.SyncFailure.conflict("dfs has no smb adapter");
        DataPlaneOutcome outcome = DataPlaneOutcomes.of(new DataPlaneReport(shares,
                Ownership.of(List.of("/export"), null), List.of(), failure.message(), failure,
                AccessReport.untouched(new com.dittofs.operator.dataplane.ManagedAccess(
                        Ownership.of(List.of("alice"), null), Ownership.none())), List.of()), null);
        assertThat(outcome.reason()).isEqualTo(ConditionTypes.REASON_DATA_PLANE_CONFLICT);
        assertThat(outcome.access().users()).as("not reached: the users' states are carried over").isNull();

        DittoServer server = Fixtures.basic();
        DittoServerStatus previous = new DittoServerStatus();
        previous.setUsers(List.of(new com.dittofs.operator.api.v1alpha1.UserStatus("alice", true, "as declared")));
        previous.setManagedUsers(List.of("alice"));
        server.setStatus(previous);
        DittoServerStatus next = Aggregate.status(server, Fixtures.inputs(server), Optional.empty(),
                Optional.empty(), outcome, null, java.time.Instant.now());
        assertThat(next.getUsers()).isEqualTo(previous.getUsers());
        assertThat(next.getManagedUsers()).containsExactly("alice");
    }

    @Test
    void eachShareGetsItsInClusterAndExternalEndpoints() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus status = new DittoServerStatus();
        ShareStatus before = new ShareStatus("/export", true, "serving");
        status.setShares(List.of(before));
        ShareClientEndpoints.apply(server, status, Optional.empty());
        String host = "my-dittofs-file.files.svc";
        assertThat(status.getShares().get(0).getEndpoints())
                .isEqualTo(new ShareEndpoints(host + ":/export", 2049, "\\\\" + host + "\\export", 445));
        assertThat(status.getShares().get(0).getExternalEndpoints()).isNull();
        assertThat(before.getEndpoints()).as("the status read is not changed").isNull();

        Service lb = new ServiceBuilder().withNewSpec().withType("LoadBalancer")
                .addNewPort().withName("nfs").withPort(2049).withNodePort(31049).endPort()
                .addNewPort().withName("smb").withPort(445).withNodePort(31445).endPort().endSpec()
                .withNewStatus().withNewLoadBalancer().withIngress(new io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder()
                        .withIp("10.0.0.7").build()).endLoadBalancer().endStatus().build();
        ShareClientEndpoints.apply(server, status, Optional.of(lb));
        assertThat(status.getShares().get(0).getExternalEndpoints())
                .isEqualTo(new ShareEndpoints("10.0.0.7:/export", 2049, "\\\\10.0.0.7\\export", 445));
        lb.setStatus(null);
        ShareClientEndpoints.apply(server, status, Optional.of(lb));
        assertThat(status.getShares().get(0).getExternalEndpoints())
                .as("a load balancer without an address yet: nothing to copy, not a NodePort placeholder").isNull();
        lb.getSpec().setType("NodePort");
        ShareClientEndpoints.apply(server, status, Optional.of(lb));
        assertThat(status.getShares().get(0).getExternalEndpoints()).isEqualTo(new ShareEndpoints(
                "<node-address>:/export", 31049, "\\\\<node-address>\\export", 31445));
    }
}
