package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.events.DataPlaneChanges;
import com.dittofs.operator.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** How many DataPlaneChanged events a pass writes: one per kind of change, however many changes. */
class DataPlaneChangeEventsTest {

    @Test
    void aFirstSyncOfFiftyUsersAndTheirGrantsWritesAFewEvents() {
        DittoServer server = Fixtures.basic();
        AccessFixtures.users(server, 50);
        DataPlaneReport report = DataPlaneSync.converge(new FakeDfs(), new FakeAccess(), null, DesiredDataPlane.from(
                server.getSpec(), Optional.empty(), AccessFixtures.passwords(50)), Ownership.none(), ManagedAccess.none(),
                Ownership.none(), new PasswordLedger(), "ns/fifty");

        assertThat(report.changes()).hasSizeGreaterThan(100);
        List<String> messages = DataPlaneChanges.messages(report.changes());
        // Created (stores, share, users) and Granted; adapters already as declared
        assertThat(messages).hasSizeLessThanOrEqualTo(4);
        assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(1000));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("50 changes: Granted").contains("(and ")
                .endsWith(" more)"));
    }

    @Test
    void aSingleChangeIsItsOwnMessage() {
        assertThat(DataPlaneChanges.messages(List.of("Created share /export"))).containsExactly(
                "Created share /export");
        assertThat(DataPlaneChanges.messages(List.of("Created share /a", "Deleted share /b", "Created share /c")))
                .containsExactly("2 changes: Created share /a; Created share /c", "Deleted share /b");
        assertThat(DataPlaneChanges.messages(List.of())).isEmpty();
    }
}
