package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.dataplane.Ownership;
import com.dittofs.operator.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** The record of what the operator created or adopted, from and to the status. */
class OwnershipStatusTest {

    @Test
    void anOlderOperatorsManagedListsAreReadAsCreated() {
        DittoServer server = Fixtures.basic();
        DittoServerStatus old = new DittoServerStatus();
        old.setManagedShares(List.of("/export"));
        old.setManagedUsers(List.of("alice"));
        old.setManagedGroups(List.of("eng"));
        server.setStatus(old);
        assertThat(OwnershipStatus.shares(server)).isEqualTo(new Ownership(List.of("/export"), List.of()));
        assertThat(OwnershipStatus.access(server).users()).isEqualTo(new Ownership(List.of("alice"), List.of()));
        assertThat(OwnershipStatus.access(server).groups()).isEqualTo(new Ownership(List.of("eng"), List.of()));
    }

    @Test
    void aSyncThatCrashedOrNeverRanKeepsTheRecord() {
        DittoServerStatus previous = new DittoServerStatus();
        previous.setManagedShares(List.of("/export"));
        previous.setAdoptedShares(List.of("/byhand"));
        previous.setManagedUsers(List.of("alice"));
        previous.setAdoptedGroups(List.of("eng"));
        for (DataPlaneOutcome outcome : new DataPlaneOutcome[] {null,
                DataPlaneOutcomes.crashed(new IllegalStateException("bug"), null, null)}) {
            DittoServerStatus next = new DittoServerStatus();
            OwnershipStatus.apply(next, previous, outcome);
            assertThat(next.getManagedShares()).containsExactly("/export");
            assertThat(next.getAdoptedShares()).containsExactly("/byhand");
            assertThat(next.getManagedUsers()).containsExactly("alice");
            assertThat(next.getAdoptedGroups()).containsExactly("eng");
        }
    }

    @Test
    void aPassesRecordReplacesThePreviousOne() {
        DittoServerStatus previous = new DittoServerStatus();
        previous.setManagedUsers(List.of("alice", "bob"));
        DataPlaneOutcome outcome = new DataPlaneOutcome(true, ConditionTypes.REASON_CONVERGED, "as declared",
                List.of(), new Ownership(List.of("/export"), List.of()), new DataPlaneOutcome.Access(null,
                        new Ownership(List.of("alice"), List.of("carol")), Ownership.none()));
        DittoServerStatus next = new DittoServerStatus();
        OwnershipStatus.apply(next, previous, outcome);
        assertThat(next.getManagedShares()).containsExactly("/export");
        assertThat(next.getManagedUsers()).containsExactly("alice");
        assertThat(next.getAdoptedUsers()).containsExactly("carol");
        assertThat(next.getManagedGroups()).isNull();
    }
}
