package com.dittofs.operator.dfsclient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jboss.logging.Logger;

/**
 * The login state of one dfs server: logs in once, then refreshes the access token shortly before it expires,
 * so reconciles never pay for a login (and dfs never logs one) per call.
 */
final class DfsSession {

    private static final Logger LOG = Logger.getLogger(DfsSession.class);
    /** Refresh this long before expiry at most; short-lived tokens refresh in their last quarter. */
    static final Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(30);

    private final URI baseUri;
    private final DfsAuthApi auth;
    private final String username;
    private final String password;
    private final RetryPolicy retry;
    private final Clock clock;

    private TokenResponse tokens;
    private Instant refreshAt;

    DfsSession(URI baseUri, DfsAuthApi auth, String username, String password, RetryPolicy retry, Clock clock) {
        this.baseUri = baseUri;
        this.auth = auth;
        this.username = username;
        this.password = password;
        this.retry = retry;
        this.clock = clock;
    }

    /** The Authorization header value: a valid access token, obtained or refreshed as needed. */
    synchronized String bearer() {
        if (tokens == null) {
            login();
        } else if (!clock.instant().isBefore(refreshAt)) {
            refresh();
        }
        return "Bearer " + tokens.accessToken();
    }

    /** Forgets the token if it is still the one the caller used, e.g. after dfs rejected it with 401. */
    synchronized void invalidate(String bearer) {
        if (tokens != null && bearer.equals("Bearer " + tokens.accessToken())) {
            tokens = null;
        }
    }

    boolean matches(String username, String password) {
        return this.username.equals(username) && this.password.equals(password);
    }

    private void login() {
        TokenResponse answer = Calls.withRetry(retry, true, () -> auth.login(new LoginRequest(username, password)));
        LOG.debugf("Logged in to dfs at %s as %s", baseUri, username);
        accept(answer);
    }

    private void refresh() {
        String refreshToken = tokens.refreshToken();
        try {
            TokenResponse answer = Calls.withRetry(retry, true, () -> auth.refresh(new RefreshRequest(refreshToken)));
            LOG.debugf("Refreshed the dfs token for %s", baseUri);
            accept(answer);
        } catch (DfsApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            // refresh token expired, or signed with a JWT secret dfs no longer has: start over
            tokens = null;
            login();
        }
    }

    private void accept(TokenResponse answer) {
        Instant received = clock.instant();
        // the earlier of dfs's expires_at and our own clock + expires_in: robust to clock skew either way
        Instant local = received.plusSeconds(Math.max(answer.expiresIn(), 0));
        Instant expiry = answer.expiresAt() == null || local.isBefore(answer.expiresAt()) ? local : answer.expiresAt();
        // the JWT's exp claim has whole seconds and dfs rounds it down, so the token dies up to 1 s before expires_at
        expiry = expiry.truncatedTo(ChronoUnit.SECONDS);
        Duration quarter = Duration.ofSeconds(Math.max(answer.expiresIn(), 0)).dividedBy(4);
        Duration margin = quarter.compareTo(MAX_REFRESH_MARGIN) < 0 ? quarter : MAX_REFRESH_MARGIN;
        tokens = answer;
        refreshAt = expiry.minus(margin);
    }
}
