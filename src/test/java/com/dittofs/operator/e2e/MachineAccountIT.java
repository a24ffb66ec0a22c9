package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
import com.dittofs.operator.api.v1alpha1.MachineAccountSpec;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Ports;
import com.dittofs.operator.testing.Proc;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * spec.identity.kerberos.machineAccount against a real Samba Active Directory domain controller (Debian samba,
 * provisioned here in a network namespace of its own, samba-dc-up.sh) and the real dfs: the operator sends the
 * computer account DITTOFS$ and its password through dfs's REST API, dfs opens a NETLOGON secure channel to the DC, and
 * the domain user bob, who has no dfs account and no directory entry dfs reads, logs in over SMB with his password
 * (NTLM passed through to the DC) and lists the export; a wrong password is refused. dfs builds its NETLOGON
 * authenticator only at start, so the operator restarts it once after storing the first machine account. Needs root (a network namespace
 * and a veth pair).
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class MachineAccountIT extends E2E {

    private static final String NAME = "ad-files";
    private static final String NETNS = "dittodc";
    private static Path work;

    private static String script(String name, String... args) {
        return IdentityScripts.run(name, Duration.ofMinutes(8), args);
    }

    @BeforeAll
    static void aDomainControllerAndAServerJoinedToIt() throws Exception {
        work = IdentityScripts.workDir("ad");
        String host = NAME + "-file." + namespace + ".svc";
        script("samba-dc-up.sh", work.resolve("dc").toString(), NETNS, host, "Bob-Pass-1234", "Machine-Pass-1234");
        admin.resource(new SecretBuilder().withNewMetadata().withName("kerberos").endMetadata()
                .addToData("dfs.keytab", Base64.getEncoder().encodeToString(
                        Files.readAllBytes(work.resolve("dc/dfs.keytab"))))
                .addToStringData("krb5.conf", Files.readString(work.resolve("dc/krb5.conf")))
                .build()).inNamespace(namespace).create();
        admin.resource(new SecretBuilder().withNewMetadata().withName("machine").endMetadata()
                .addToStringData("password", "Machine-Pass-1234").build()).inNamespace(namespace).create();
        DittoServer server = Fixtures.sample("dittofs_v1alpha1_dittoserver.yaml");
        server.getMetadata().setName(NAME);
        server.getSpec().setIdentity(new IdentitySpec());
        KerberosSpec kerberos = new KerberosSpec();
        kerberos.setEnabled(true);
        kerberos.setServicePrincipal("cifs/" + host + "@DITTO.TEST");
        kerberos.setNetbiosDomain("DITTO");
        kerberos.setDnsDomain("ditto.test");
        kerberos.setKeytabSecretRef(new SecretKeySelector("dfs.keytab", "kerberos", null));
        kerberos.setKrb5ConfSecretRef(new SecretKeySelector("krb5.conf", "kerberos", null));
        MachineAccountSpec machine = new MachineAccountSpec();
        machine.setEnabled(true);
        machine.setAccountName("DITTOFS$");
        machine.setDcAddress(List.of("10.231.0.2"));
        machine.setSecretRef(new SecretKeySelector("password", "machine", null));
        kerberos.setMachineAccount(machine);
        server.getSpec().getIdentity().setKerberos(kerberos);
        create(server);
        String pod = NAME + "-0";
        awaitPodIp(pod);
        String firstUid = admin.pods().inNamespace(namespace).withName(pod).get().getMetadata().getUid();
        dfs = Kubelet.run(admin, namespace, pod);
        // dfs v0.29.0 wires NETLOGON only at start: the operator stores the machine account, then restarts dfs once
        await().atMost(TIMEOUT).until(() -> {
            var current = admin.pods().inNamespace(namespace).withName(pod).get();
            return current != null && !firstUid.equals(current.getMetadata().getUid())
                    && current.getMetadata().getDeletionTimestamp() == null
                    && current.getStatus().getPodIP() != null;
        });
        dfs = Kubelet.rerun(admin, namespace, pod, dfs);
        awaitReady(NAME);
    }

    @AfterAll
    static void stopAll() {
        if (dfs != null) {
            dfs.close();
        }
        if (work != null) {
            script("samba-dc-down.sh", NETNS, work.resolve("dc").toString());
        }
    }

    private static Proc.Result smb(String user, String password) {
        return Proc.run(List.of("smbclient", "//127.0.0.1/export", "-p", String.valueOf(Ports.SMB_CONTAINER),
                "-U", "DITTO\\" + user + "%" + password, "-m", "SMB3", "-c", "ls"),
                Map.of("KRB5_CONFIG", "/dev/null"), null, Duration.ofSeconds(60));
    }

    @Test
    void aDomainUserLogsInWithHisPasswordThroughTheDomainController() {
        // the first logon opens the secure channel; give the DC a moment on a busy machine
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            var ok = smb("bob", "Bob-Pass-1234");
            return ok.ok() && !ok.output().contains("NT_STATUS_");
        });
        var wrong = smb("bob", "not-bobs-password");
        assertThat(wrong.output()).as(wrong.describe()).contains("NT_STATUS_LOGON_FAILURE");
        assertThat(dfs.stdout()).contains("NETLOGON");
    }
}
