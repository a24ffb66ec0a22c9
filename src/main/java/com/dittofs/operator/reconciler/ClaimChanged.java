package com.dittofs.operator.reconciler;

import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;

/**
 * Which additions and updates of a server's volume claim reconcile the server: those of what the operator reads, the size the claim
 * requests, whether it is bound and the capacity it has. Binding a new claim takes several updates (the scheduler's
 * selected node, the volume's name, the binding annotations, then the phase and capacity); each reconciled the server,
 * three per claim, the most of any kind while new servers converged.
 */
final class ClaimChanged implements OnUpdateFilter<PersistentVolumeClaim> {

    /**
     * A new claim reconciles its server once it is bound: before, the reconcile reads nothing of it but that it exists
     * (a new server's status leaves its volumes out while it is Pending), and its binding arrives as an update.
     */
    static boolean bound(PersistentVolumeClaim claim) {
        return status(claim).map(PersistentVolumeClaimStatus::getPhase).filter("Bound"::equals).isPresent();
    }

    @Override
    public boolean accept(PersistentVolumeClaim newer, PersistentVolumeClaim older) {
        return !Objects.equals(requests(newer), requests(older))
                || !Objects.equals(status(newer).map(PersistentVolumeClaimStatus::getPhase),
                        status(older).map(PersistentVolumeClaimStatus::getPhase))
                || !Objects.equals(status(newer).map(PersistentVolumeClaimStatus::getCapacity),
                        status(older).map(PersistentVolumeClaimStatus::getCapacity));
    }

    private static Optional<Object> requests(PersistentVolumeClaim claim) {
        return Optional.ofNullable(claim.getSpec()).map(PersistentVolumeClaimSpec::getResources)
                .map(VolumeResourceRequirements::getRequests);
    }

    private static Optional<PersistentVolumeClaimStatus> status(PersistentVolumeClaim claim) {
        return Optional.ofNullable(claim.getStatus());
    }
}
