package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.ConditionTypes;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import org.junit.jupiter.api.Test;

/** Which Ready states raise a Warning event: problems the user must act on, not progress. */
class WarningDecisionTest {

    private static Condition condition(String type, String status, String reason) {
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage("m").build();
    }

    private static DittoServerStatus status(String readyReason, String dataPlaneReason) {
        DittoServerStatus status = new DittoServerStatus();
        status.setConditions(List.of(condition(ConditionTypes.READY, "False", readyReason),
                condition(ConditionTypes.DATA_PLANE_READY, "False", dataPlaneReason)));
        return status;
    }

    @Test
    void aMissingSecretIsAProblemEvenThoughTheDataPlaneWaits() {
        assertThat(Problems.isProblem(
                status(ConditionTypes.REASON_SECRET_MISSING, ConditionTypes.REASON_WAITING_FOR_SERVER))).isTrue();
    }

    @Test
    void theFirstDataPlaneSyncRunningIsProgress() {
        assertThat(Problems.isProblem(
                status(ConditionTypes.REASON_DATA_PLANE_NOT_READY, ConditionTypes.REASON_WAITING_FOR_SERVER)))
                .isFalse();
    }

    @Test
    void anUnreachableDataPlaneIsAProblem() {
        assertThat(Problems.isProblem(
                status(ConditionTypes.REASON_DATA_PLANE_NOT_READY, ConditionTypes.REASON_SERVER_UNREACHABLE))).isTrue();
    }

    @Test
    void progressAndReadinessAreNot() {
        for (String reason : List.of(ConditionTypes.REASON_POD_NOT_READY, ConditionTypes.REASON_STOPPED,
                ConditionTypes.REASON_CLUSTER_CREATING, ConditionTypes.REASON_CLUSTER_NOT_READY)) {
            assertThat(Problems.isProblem(status(reason, ConditionTypes.REASON_WAITING_FOR_SERVER)))
                    .as(reason).isFalse();
        }
        DittoServerStatus ready = new DittoServerStatus();
        ready.setConditions(List.of(condition(ConditionTypes.READY, "True", ConditionTypes.REASON_SERVER_READY)));
        assertThat(Problems.isProblem(ready)).isFalse();
    }
}
