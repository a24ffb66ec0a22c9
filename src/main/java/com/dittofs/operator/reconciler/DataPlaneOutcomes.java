package com.dittofs.operator.reconciler;

import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareStatus;
import com.dittofs.operator.api.v1alpha1.UserStatus;
import com.dittofs.operator.dataplane.AccessReport;
import com.dittofs.operator.dataplane.DataPlaneReport;
import com.dittofs.operator.dataplane.IdentityProviderSync;
import com.dittofs.operator.dataplane.Ownership;
import com.dittofs.operator.dataplane.SyncFailure;

import io.fabric8.kubernetes.api.model.Condition;

import static com.dittofs.operator.api.v1alpha1.ConditionTypes.*;

/** Turns what a sync found into the status's terms. Pure. */
final class DataPlaneOutcomes {

    private DataPlaneOutcomes() {
    }

    static DataPlaneOutcome of(DataPlaneReport report, List<ShareStatus> sharesBefore) {
        // what the pass created is recorded even when it failed: the users' states stay as they were then
        DataPlaneOutcome.Access access = access(report.access(),
                report.policies() == null ? null : report.policies().owned());
        if (report.failure() != null && report.failure().cause() != SyncFailure.Cause.CONFLICT) {
            // dfs was not (fully) talked to: what is known of the shares stays as it was
            return new DataPlaneOutcome(false, reason(report.failure().cause()), report.failure().message(),
                    sharesBefore, report.ownedShares(), access);
        }
        List<ShareStatus> shares = report.shares().stream()
                .map(s -> share(s, report.access()))
                .toList();
        if (report.converged()) {
            return new DataPlaneOutcome(true, REASON_CONVERGED, convergedMessage(shares.size(), report),
                    shares, report.ownedShares(), access);
        }
        if (report.problem() == null && report.access().problem() != null) {
            AccessReport.Problem problem = report.access().problem();
            return new DataPlaneOutcome(false, reason(problem.kind()), problem.message(), shares,
                    report.ownedShares(), access);
        }
        return new DataPlaneOutcome(false, REASON_DATA_PLANE_CONFLICT, report.problem(), shares,
                report.ownedShares(), access);
    }

    /** A converged data plane whose directories are not as declared is not ready: the first problem given wins, and an
     * earlier failure stays first. */
    static DataPlaneOutcome withIdentity(DataPlaneOutcome outcome, IdentityProviderSync.Problem... problems) {
        for (IdentityProviderSync.Problem problem : problems) {
            if (problem != null && outcome.ready()) {
                String reason = switch (problem.kind()) {
                    case SECRET_MISSING -> REASON_IDENTITY_SECRET_MISSING;
                    case NOT_TRUSTED -> REASON_IDENTITY_PROVIDER_NOT_TRUSTED;
                    case REJECTED -> REASON_IDENTITY_PROVIDER_REJECTED;
                };
                return new DataPlaneOutcome(false, reason, problem.message(), outcome.shares(), outcome.ownedShares(),
                        outcome.access());
            }
        }
        return outcome;
    }

    private static ShareStatus share(DataPlaneReport.ShareState state, AccessReport access) {
        ShareStatus share = new ShareStatus(state.name(), state.ready(), state.message());
        share.setAccess(access.shareAccess().get(state.name()));
        return share;
    }

    /** How many are as declared, then what the operator created, no longer declares and leaves in dfs. */
    static String convergedMessage(int shares, DataPlaneReport report) {
        AccessReport access = report.access();
        int users = access.users() == null ? 0 : access.users().size();
        int groups = access.declaredGroups();
        String declared = users == 0 && groups == 0 ? "Adapters, stores and " + shares + " share(s) are as declared"
                : "Adapters, stores, " + shares + " share(s), " + users + " user(s) and " + groups
                        + " group(s) are as declared";
        List<String> left = report.undeclared();
        if (left.isEmpty()) {
            return declared;
        }
        String named = String.join(", ", left.subList(0, Math.min(left.size(), UNDECLARED_NAMED)))
                + (left.size() > UNDECLARED_NAMED ? " and " + (left.size() - UNDECLARED_NAMED) + " more" : "");
        return declared + "; created by the operator, no longer declared and left in dfs: " + named
                + " (declare them with ensure: absent to delete them)";
    }

    private static final int UNDECLARED_NAMED = 5;

    private static DataPlaneOutcome.Access access(AccessReport report, Ownership policies) {
        List<UserStatus> users = report.users() == null ? null : report.users().stream()
                .map(u -> new UserStatus(u.name(), u.ready(), u.message()))
                .toList();
        return new DataPlaneOutcome.Access(users, report.ownedUsers(), report.ownedGroups(), policies);
    }

    static String reason(AccessReport.Kind kind) {
        return switch (kind) {
            case USER_SECRET_MISSING -> REASON_USER_SECRET_MISSING;
            case USER -> REASON_USER_REJECTED;
            case GROUP -> REASON_GROUP_REJECTED;
            case SHARE_ACCESS -> REASON_SHARE_ACCESS_REJECTED;
        };
    }

    static String reason(SyncFailure.Cause cause) {
        return switch (cause) {
            case UNREACHABLE -> REASON_SERVER_UNREACHABLE;
            case TIMEOUT -> REASON_SERVER_TIMEOUT;
            case HTTP_ERROR -> REASON_API_ERROR;
            case LOGIN_REJECTED -> REASON_ADMIN_LOGIN_REJECTED;
            case CONFLICT -> REASON_DATA_PLANE_CONFLICT;
            case TLS_NOT_TRUSTED -> REASON_TLS_NOT_TRUSTED;
            case DEADLINE -> REASON_SYNC_DEADLINE_EXCEEDED;
        };
    }

    /** A sync that threw: a bug in the operator, reported rather than lost. */
    static DataPlaneOutcome crashed(RuntimeException e, List<ShareStatus> sharesBefore, Ownership managed) {
        return new DataPlaneOutcome(false, REASON_API_ERROR, "The data-plane sync failed unexpectedly: " + e,
                sharesBefore, managed);
    }

    static DataPlaneOutcome waiting(DittoServer server, Ownership managed, String message) {
        return new DataPlaneOutcome(false, REASON_WAITING_FOR_SERVER, message, currentShares(server), managed);
    }

    /** While the first sync since the operator started runs: what the status already says. */
    static DataPlaneOutcome asBefore(DittoServer server, Ownership managed) {
        Condition before = server.getStatus() == null || server.getStatus().getConditions() == null ? null
                : server.getStatus().getConditions().stream()
                        .filter(c -> DATA_PLANE_READY.equals(c.getType()))
                        .findFirst().orElse(null);
        if (before == null || REASON_NOT_MANAGED.equals(before.getReason())) {
            return waiting(server, managed, "Converging adapters, stores and shares through the REST API");
        }
        return new DataPlaneOutcome("True".equals(before.getStatus()), before.getReason(), before.getMessage(),
                currentShares(server), managed);
    }

    static List<ShareStatus> currentShares(DittoServer server) {
        return server.getStatus() == null ? null : server.getStatus().getShares();
    }
}
