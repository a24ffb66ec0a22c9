package com.dittofs.operator.reconciler;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;

/**
 * Turns a reconcile exception into one or two sentences for a condition: what is wrong and what to do. The
 * exception itself, with its stack, belongs in the operator log.
 */
final class ErrorMessages {

    /** What the apiserver says on a 403: ... cannot create resource "statefulsets" in API group "apps" ... */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "cannot (\\S+) resource \"([^\"]+)\"(?: in API group \"([^\"]*)\")?");
    private static final int MAX_CAUSE = 200;

    private ErrorMessages() {
    }

    /** The condition message for a reconcile that failed with {@code error}. */
    static String describe(Throwable error) {
        Throwable cause = firstCause(error);
        Optional<KubernetesClientException> answered = kubernetesAnswer(cause);
        if (answered.isPresent()) {
            return describe(answered.get());
        }
        Optional<KubernetesClientException> kubernetes = find(cause, KubernetesClientException.class);
        if (kubernetes.isPresent()) {
            return "The operator could not reach the Kubernetes API server (" + simpleName(rootCause(cause))
                    + "); it retries.";
        }
        return "The reconcile failed with an unexpected " + simpleName(cause)
                + "; the operator retries, and its log has the details.";
    }

    /**
     * Whether the apiserver gave no answer at all (connection refused or closed, a timeout): what an apiserver
     * restart or a control-plane upgrade looks like, not a defect, so the log says it without a stack trace.
     */
    static boolean apiServerUnreachable(Throwable error) {
        Throwable cause = firstCause(error);
        return kubernetesAnswer(cause).isEmpty() && find(cause, KubernetesClientException.class).isPresent();
    }

    /**
     * Whether the apiserver refused an object the operator derived from the spec (400 or 422, or an admission
     * webhook's or policy's denial): retrying the same spec gets the same answer, so the operator waits for the
     * DittoServer to change. Not a refusal of the DittoServer's own status write, which would be the operator's bug.
     */
    static boolean specRejected(Throwable error) {
        return kubernetesAnswer(firstCause(error)).filter(k -> !resource(k).startsWith("dittoservers")
                && (k.getCode() == 400 || k.getCode() == 422
                        || (k.getCode() == 403 && String.valueOf(k.getMessage()).contains(" denied ")))).isPresent();
    }

    /** A short cause for a Warning event: the innermost exception's own first line, bounded. */
    static String shortCause(Throwable error) {
        Throwable root = rootCause(firstCause(error));
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        String cause = simpleName(root) + (message.isEmpty() ? "" : ": " + message);
        return cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE - 1) + "…" : cause;
    }

    private static String describe(KubernetesClientException e) {
        String object = object(e);
        return switch (e.getCode()) {
            case 401 -> "The operator's credentials were refused by the Kubernetes API server; check its"
                    + " ServiceAccount token.";
            case 403 -> forbidden(e);
            case 404 -> "Kubernetes could not find " + object + "; the operator retries.";
            case 409 -> "Kubernetes reported a conflict on " + object + " (" + causes(e.getStatus())
                    + "); the operator retries.";
            case 422, 400 -> "Kubernetes rejected " + object + ": " + causes(e.getStatus())
                    + ". Check the DittoServer fields it is derived from; the operator tries again when the"
                    + " DittoServer changes.";
            case 429 -> "The Kubernetes API server is throttling the operator; it retries.";
            default -> e.getCode() >= 500
                    ? "The Kubernetes API server failed (HTTP " + e.getCode() + ") on " + object + "; the operator"
                            + " retries."
                    : "Kubernetes answered HTTP " + e.getCode() + " on " + object + "; the operator retries.";
        };
    }

    private static String forbidden(KubernetesClientException e) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : String.valueOf(e.getMessage());
        Matcher m = FORBIDDEN.matcher(message);
        if (m.find()) {
            String group = m.group(3) == null || m.group(3).isEmpty() ? "" : "." + m.group(3);
            return "The operator is not allowed to " + m.group(1) + " " + m.group(2) + group
                    + ": check its RBAC (the ClusterRole bound to its ServiceAccount).";
        }
        // not RBAC: an admission decision such as an exceeded ResourceQuota, in the apiserver's own words
        return "Kubernetes refused " + object(e) + ": " + causes(e.getStatus()) + "."
                + (specRejected(e) ? " The operator tries again when the DittoServer changes." : "");
    }

    private static String causes(Status status) {
        if (status == null) {
            return "invalid object";
        }
        List<StatusCause> causes = status.getDetails() == null || status.getDetails().getCauses() == null
                ? List.of() : status.getDetails().getCauses();
        String text = causes.isEmpty() ? String.valueOf(status.getMessage())
                : causes.stream().limit(2).map(c -> (c.getField() == null ? "" : c.getField() + ": ")
                        + c.getMessage()).reduce((a, b) -> a + "; " + b).orElse("");
        text = text.lines().findFirst().orElse("").strip();
        return text.length() > MAX_CAUSE ? text.substring(0, MAX_CAUSE - 1) + "…" : text;
    }

    private static String object(KubernetesClientException e) {
        String name = e.getName() != null ? e.getName()
                : e.getStatus() != null && e.getStatus().getDetails() != null ? e.getStatus().getDetails().getName()
                : null;
        return name == null ? resource(e) : resource(e) + " " + name;
    }

    private static String resource(KubernetesClientException e) {
        if (e.getResourcePlural() != null) {
            return e.getGroup() == null || e.getGroup().isEmpty()
                    ? e.getResourcePlural() : e.getResourcePlural() + "." + e.getGroup();
        }
        var details = e.getStatus() == null ? null : e.getStatus().getDetails();
        if (details != null && details.getKind() != null) {
            return details.getGroup() == null || details.getGroup().isEmpty()
                    ? details.getKind() : details.getKind() + "." + details.getGroup();
        }
        return "an object";
    }

    /** The workflow aggregates one exception per failed dependent: describe the first. */
    private static Throwable firstCause(Throwable error) {
        return find(error, AggregatedOperatorException.class)
                .filter(aggregated -> !aggregated.getAggregatedExceptions().isEmpty())
                .<Throwable>map(aggregated -> aggregated.getAggregatedExceptions().values().iterator().next())
                .orElse(error);
    }

    /** The innermost client exception that carries an HTTP answer of the apiserver. */
    private static Optional<KubernetesClientException> kubernetesAnswer(Throwable error) {
        KubernetesClientException answered = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                answered = k;
            }
        }
        return Optional.ofNullable(answered);
    }

    private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String simpleName(Throwable t) {
        return t == null ? "error" : t.getClass().getSimpleName();
    }
}
