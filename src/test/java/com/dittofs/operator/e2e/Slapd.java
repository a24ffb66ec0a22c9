package com.dittofs.operator.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.certificates.X509;
import com.dittofs.operator.testing.FreePorts;
import com.dittofs.operator.testing.Proc;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway OpenLDAP slapd on loopback (slapd-up.sh: the directory dc=test with the bind account cn=svc,dc=test and
 * the posix user alice), under a work directory of the IT. With a CA it offers StartTLS, with a certificate of that CA
 * for localhost (the name dfs dials), and ldaps:// on a port of its own when asked. Registered on the IT
 * ({@code @RegisterExtension static}), it starts before the class's tests and stops after them; its ports are known
 * from the start.
 */
final class Slapd implements BeforeAllCallback, AfterAllCallback {

    private static final Duration START = Duration.ofSeconds(90);

    private final Path work;
    private final String bindPassword;
    private final int port = FreePorts.next();
    private final int ldapsPort;
    /** The CA of the certificate slapd starts with; null for plain LDAP. */
    private final X509.Issued ca;
    private String pid;

    private Slapd(Path work, String bindPassword, X509.Issued ca, boolean ldaps) {
        this.work = work;
        this.bindPassword = bindPassword;
        this.ca = ca;
        this.ldapsPort = ldaps ? FreePorts.next() : 0;
    }

    /** Plain LDAP only. */
    static Slapd plain(Path work, String bindPassword) {
        return new Slapd(work, bindPassword, null, false);
    }

    /** StartTLS on {@link #port()}, and with {@code ldaps} ldaps:// on {@link #ldapsPort()}, certified by the CA. */
    static Slapd withTls(Path work, String bindPassword, X509.Issued ca, boolean ldaps) {
        return new Slapd(work, bindPassword, ca, ldaps);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ca != null) {
            certify(ca);
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        IdentityScripts.kill(pid);
    }

    int port() {
        return port;
    }

    int ldapsPort() {
        return ldapsPort;
    }

    /** The directory re-certified by another CA: slapd reads its certificate at start, so it is stopped and started. */
    void recertify(X509.Issued next) {
        Proc.run(List.of("kill", pid), Map.of(), null, Duration.ofSeconds(10)).orFail();
        String stopped = pid;
        await().atMost(Duration.ofSeconds(30)).until(() -> !Proc.run(List.of("kill", "-0", stopped), Map.of(), null,
                Duration.ofSeconds(10)).ok());
        certify(next);
        start();
    }

    private void start() {
        List<String> args = new java.util.ArrayList<>(List.of(work.resolve("ldap").toString(),
                Integer.toString(port), bindPassword));
        if (ca != null) {
            args.addAll(List.of(work.resolve("slapd.crt").toString(), work.resolve("slapd.key").toString()));
        }
        if (ldapsPort != 0) {
            args.add(Integer.toString(ldapsPort));
        }
        pid = IdentityScripts.run("slapd-up.sh", START, args.toArray(String[]::new));
    }

    private void certify(X509.Issued issuer) {
        Instant now = Instant.now();
        X509.Issued server = X509.server(issuer, List.of("localhost"), now, now.plus(Duration.ofHours(2)));
        try {
            Files.writeString(work.resolve("slapd.crt"), X509.pem(server.certificate()));
            Files.writeString(work.resolve("slapd.key"), X509.pem(server.key()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
