package com.dittofs.operator.reconciler;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.dataplane.ManagedAccess;
import com.dittofs.operator.dataplane.Ownership;

/**
 * What the operator records of the shares, users and groups it created or adopted, read from and written to the
 * status (managed* and adopted*). A record only: nothing is deleted because of it. An older operator's managed*
 * lists (created or taken over, with deletion on removal) are read as created.
 */
final class OwnershipStatus {

    private OwnershipStatus() {
    }

    static Ownership shares(DittoServer server) {
        DittoServerStatus status = server.getStatus();
        return status == null ? Ownership.none() : Ownership.of(status.getManagedShares(), status.getAdoptedShares());
    }

    static Ownership snapshotPolicies(DittoServer server) {
        DittoServerStatus status = server.getStatus();
        return status == null ? Ownership.none()
                : Ownership.of(status.getManagedSnapshotPolicies(), status.getAdoptedSnapshotPolicies());
    }

    static ManagedAccess access(DittoServer server) {
        DittoServerStatus status = server.getStatus();
        return status == null ? ManagedAccess.none() : new ManagedAccess(
                Ownership.of(status.getManagedUsers(), status.getAdoptedUsers()),
                Ownership.of(status.getManagedGroups(), status.getAdoptedGroups()));
    }

    /** This pass's record, or the previous status's when the pass did not reach dfs. */
    static void apply(DittoServerStatus status, DittoServerStatus previous, DataPlaneOutcome dataPlane) {
        if (dataPlane == null || dataPlane.ownedShares() == null) { // a crashed sync knows nothing of them
            status.setManagedShares(previous.getManagedShares());
            status.setAdoptedShares(previous.getAdoptedShares());
        } else {
            status.setManagedShares(emptyToNull(dataPlane.ownedShares().created()));
            status.setAdoptedShares(emptyToNull(dataPlane.ownedShares().adopted()));
        }
        boolean accessSeen = dataPlane != null && dataPlane.access() != null;
        if (!accessSeen || dataPlane.access().ownedPolicies() == null) {
            status.setManagedSnapshotPolicies(previous.getManagedSnapshotPolicies());
            status.setAdoptedSnapshotPolicies(previous.getAdoptedSnapshotPolicies());
        } else {
            status.setManagedSnapshotPolicies(emptyToNull(dataPlane.access().ownedPolicies().created()));
            status.setAdoptedSnapshotPolicies(emptyToNull(dataPlane.access().ownedPolicies().adopted()));
        }
        if (!accessSeen) {
            status.setManagedUsers(previous.getManagedUsers());
            status.setAdoptedUsers(previous.getAdoptedUsers());
            status.setManagedGroups(previous.getManagedGroups());
            status.setAdoptedGroups(previous.getAdoptedGroups());
            return;
        }
        DataPlaneOutcome.Access access = dataPlane.access();
        status.setManagedUsers(emptyToNull(access.ownedUsers().created()));
        status.setAdoptedUsers(emptyToNull(access.ownedUsers().adopted()));
        status.setManagedGroups(emptyToNull(access.ownedGroups().created()));
        status.setAdoptedGroups(emptyToNull(access.ownedGroups().adopted()));
    }

    private static List<String> emptyToNull(List<String> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
