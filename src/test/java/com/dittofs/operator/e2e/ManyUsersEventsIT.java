package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.AccessLevel;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareGrant;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import com.dittofs.operator.api.v1alpha1.UserSpec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The first sync of a server with 50 users, each granted access to one of its two shares, against the real dfs: a
 * hundred and more changes, announced by a few DataPlaneChanged Events (one per kind of change), not one Event each.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class ManyUsersEventsIT extends E2E {

    private static final String NAME = "fifty";
    private static final int USERS = 50;

    private static DittoServer server() {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(NAME);
        List<UserSpec> users = new ArrayList<>();
        // admission allows 32 grants per share: half the users on each of two shares
        List<List<ShareGrant>> grants = List.of(new ArrayList<>(), new ArrayList<>());
        Map<String, String> passwords = new LinkedHashMap<>();
        for (int i = 1; i <= USERS; i++) {
            UserSpec user = new UserSpec();
            user.setName("user" + i);
            user.setPasswordSecretRef(new SecretKeySelector("user" + i, "fifty-passwords", false));
            users.add(user);
            passwords.put("user" + i, "password-of-user-" + i);
            ShareGrant grant = new ShareGrant();
            grant.setUser("user" + i);
            grant.setLevel(AccessLevel.READ_WRITE);
            grants.get(i % 2).add(grant);
        }
        var secret = Fixtures.secret("fifty-passwords", passwords);
        secret.getMetadata().setNamespace(namespace);
        admin.resource(secret).create();
        List<ShareSpec> shares = new ArrayList<>();
        for (String name : List.of("/export", "/scratch")) {
            ShareSpec share = new ShareSpec();
            share.setName(name);
            share.setGrants(grants.get(shares.size()));
            shares.add(share);
        }
        server.getSpec().setUsers(users);
        server.getSpec().setShares(shares);
        return server;
    }

    private static List<Event> events(String reason) {
        return admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> NAME.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
                .toList();
    }

    @Test
    void aFirstSyncOfFiftyUsersWritesAFewEvents() {
        create(server());
        runDfs(NAME);
        awaitReady(NAME);
        await().atMost(TIMEOUT).until(() -> condition(NAME, "DataPlaneReady").map(c -> "Converged".equals(
                c.getReason())).orElse(false));
        assertThat(get(NAME).getStatus().getManagedUsers()).hasSize(USERS);
        // the finished sync's events are recorded before its result is published
        List<Event> changed = events("DataPlaneChanged");
        changed.forEach(e -> System.out.println("EVENTS DataPlaneChanged: " + e.getMessage().substring(0,
                Math.min(100, e.getMessage().length()))));
        long all = admin.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> NAME.equals(e.getInvolvedObject().getName())).count();
        System.out.printf("EVENTS first sync of %d users: %d DataPlaneChanged, %d in all%n", USERS, changed.size(),
                all);
        // one per pass and kind of change (created, granted, ...); a hundred and more before
        assertThat(changed).hasSizeBetween(1, 8);
        assertThat(changed).anySatisfy(e -> assertThat(e.getMessage()).contains(" changes: Granted"));
        assertThat(all).isLessThanOrEqualTo(15);
    }
}
