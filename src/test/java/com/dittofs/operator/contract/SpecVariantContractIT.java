package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.api.v1alpha1.AdminSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.JwtSpec;
import com.dittofs.operator.api.v1alpha1.LogFormat;
import com.dittofs.operator.api.v1alpha1.LogLevel;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Ports;
import com.dittofs.operator.testing.FreePorts;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** Spec variants the renderer and env wiring treat differently, each against the real dfs. */
@Tag("contract")
class SpecVariantContractIT {

    private DfsProcess dfs;

    @AfterEach
    void stop() {
        if (dfs != null) {
            dfs.stop();
        }
    }

    @Test
    void metricsOnTheRenderedPort() {
        DittoServer server = Fixtures.basic();
        int port = FreePorts.next();
        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getMetrics().setPort(port);
        OperatorInputs inputs = OperatorInputs.of(server, Fixtures.generatedSecrets(server));

        // no port override: dfs must serve metrics where the rendered file says
        dfs = inputs.start("metrics", DfsProcess.loopback(FreePorts.next(), null));

        assertThat(dfs.metricsPort()).isEqualTo(port);
        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(server.getSpec()));
    }

    @Test
    void controlPlaneOnTheRenderedPort() {
        DittoServer server = Fixtures.basic();
        int port = FreePorts.next();
        server.getSpec().getControlPlane().setPort(port);
        OperatorInputs inputs = OperatorInputs.of(server, Fixtures.generatedSecrets(server));

        dfs = inputs.start("controlplane-port", DfsProcess.loopback(null, null));

        assertThat(dfs.apiPort()).isEqualTo(port);
        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(server.getSpec()));
    }

    @Test
    void textLoggingAtDebug() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getLogging().setFormat(LogFormat.TEXT);
        server.getSpec().getLogging().setLevel(LogLevel.DEBUG);
        OperatorInputs inputs = OperatorInputs.of(server, Fixtures.generatedSecrets(server));

        dfs = inputs.start("text-debug", DfsProcess.loopback(FreePorts.next(), null));

        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(server.getSpec()));
    }

    @Test
    void nfsOnlyOnceTheAdapterStateIsApplied() {
        onlyOneProtocol("smb", true, false);
    }

    @Test
    void smbOnlyOnceTheAdapterStateIsApplied() {
        onlyOneProtocol("nfs", false, true);
    }

    /**
     * The renderer has no adapter keys (dfs keeps adapters in its database), so a fresh server serves both protocols
     * until the data plane disables one over REST; that state then survives a pod restart.
     */
    private void onlyOneProtocol(String disabled, boolean nfs, boolean smb) {
        DittoServer server = Fixtures.basic();
        server.getSpec().getNfs().setEnabled(nfs);
        server.getSpec().getSmb().setEnabled(smb);
        OperatorInputs inputs = OperatorInputs.of(server, Fixtures.generatedSecrets(server));
        ServerContract.Expect fresh = ServerContract.Expect.freshServer(server.getSpec());
        dfs = inputs.start(disabled + "-disabled", DfsProcess.loopback(FreePorts.next(), null));
        ServerContract.verify(dfs, inputs, fresh);

        Http.Response put = Http.send("PUT", dfs.apiUri().resolve("api/v1/adapters/" + disabled),
                ServerContract.token(dfs, inputs.adminPassword()), Map.of("enabled", false));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("enabled").asBoolean()).isFalse();
        ServerContract.awaitListening(disabled.equals("nfs") ? Ports.NFS_CONTAINER : Ports.SMB_CONTAINER, false);

        dfs.restart();
        ServerContract.verify(dfs, inputs, fresh.withAdapters(nfs, smb));
    }

    @Test
    void userProvidedIdentitySecretsWithAwkwardValues() {
        DittoServer server = Fixtures.basic();
        IdentitySpec identity = new IdentitySpec();
        JwtSpec jwt = new JwtSpec();
        jwt.setSecretRef(new SecretKeySelector("signing-key", "my-jwt", false));
        AdminSpec admin = new AdminSpec();
        admin.setPasswordSecretRef(new SecretKeySelector("initial", "my-admin", false));
        identity.setJwt(jwt);
        identity.setAdmin(admin);
        server.getSpec().setIdentity(identity);
        // quotes, spaces, $, backslash, unicode: env vars from secretKeyRef are passed verbatim, never via a shell
        String password = "p \"q\" $HOME \\ ü 'x' !";
        String signingKey = "0123456789abcdef0123456789ABCDEF-$(not a command)";
        Map<String, Secret> secrets = new HashMap<>();
        secrets.put("my-jwt", Fixtures.secret("my-jwt", Map.of("signing-key", signingKey)));
        secrets.put("my-admin", Fixtures.secret("my-admin", Map.of("initial", password)));
        OperatorInputs inputs = OperatorInputs.of(server, secrets);
        assertThat(inputs.env()).containsEntry(PodEnvironment.ADMIN_PASSWORD_ENV, password)
                .containsEntry(PodEnvironment.JWT_SECRET_ENV, signingKey);

        dfs = inputs.start("identity", DfsProcess.loopback(FreePorts.next(), null));

        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(server.getSpec()));
    }

    /** dfs reads the admin password only when it creates admin: editing the Secret later changes nothing. */
    @Test
    void adminPasswordIsReadOnTheFirstStartOnly() {
        DittoServer server = Fixtures.basic();
        OperatorInputs inputs = OperatorInputs.of(server, Fixtures.generatedSecrets(server));
        Map<String, String> adaptations = DfsProcess.loopback(FreePorts.next(), null);
        dfs = inputs.start("admin-rotation", adaptations);
        ServerContract.login(dfs, inputs.adminPassword());

        Map<String, String> rotated = inputs.envWith(adaptations);
        rotated.put(PodEnvironment.ADMIN_PASSWORD_ENV, "a-completely-new-password");
        dfs = dfs.restartWith(rotated);

        ServerContract.login(dfs, inputs.adminPassword());
        Http.Response rejected = Http.send("POST", dfs.apiUri().resolve("api/v1/auth/login"), null,
                Map.of("username", "admin", "password", "a-completely-new-password"));
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.json().path("detail").asText()).isEqualTo("Invalid username or password");
    }
}
