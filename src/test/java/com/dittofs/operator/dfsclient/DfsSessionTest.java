package com.dittofs.operator.dfsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** Token timing of {@link DfsSession}, against a scripted auth API and a hand-moved clock. */
class DfsSessionTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00.600Z"));
    private final ScriptedAuth auth = new ScriptedAuth();
    private final DfsSession session = new DfsSession(URI.create("http://dfs:8080/"), auth, "admin", "pw",
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO), clock);

    @Test
    void logsInOnceAndReusesTheToken() {
        auth.lifetime = Duration.ofMinutes(15);
        String first = session.bearer();
        clock.advance(Duration.ofMinutes(10));
        assertThat(session.bearer()).isEqualTo(first);
        assertThat(auth.calls).containsExactly("login");
    }

    @Test
    void refreshesThirtySecondsBeforeALongTokenExpires() {
        auth.lifetime = Duration.ofMinutes(15);
        session.bearer();
        // issued at :00.600, so the JWT dies at 15:00 (whole seconds); refresh from 14:30
        clock.set(Instant.parse("2030-01-01T00:14:29.999Z"));
        session.bearer();
        assertThat(auth.calls).containsExactly("login");
        clock.set(Instant.parse("2030-01-01T00:14:30Z"));
        assertThat(session.bearer()).isEqualTo("Bearer access-2");
        assertThat(auth.calls).containsExactly("login", "refresh");
    }

    @Test
    void shortTokensRefreshInTheirLastQuarterOfWholeSeconds() {
        auth.lifetime = Duration.ofSeconds(4);
        session.bearer();
        // expires_at 00:04.600, JWT exp 00:04 -> refresh from 00:03
        refreshesFrom(Instant.parse("2030-01-01T00:00:03Z"));
    }

    @Test
    void trustsTheEarlierOfExpiresAtAndItsOwnClock() {
        auth.lifetime = Duration.ofMinutes(15);
        auth.skew = Duration.ofMinutes(-5); // dfs's clock runs 5 minutes behind
        session.bearer();
        refreshesFrom(Instant.parse("2030-01-01T00:09:30Z"));
    }

    @Test
    void logsInAgainWhenTheRefreshTokenIsRejected() {
        auth.lifetime = Duration.ofMinutes(15);
        session.bearer();
        auth.refreshFails = 401;
        clock.advance(Duration.ofMinutes(15));
        assertThat(session.bearer()).isEqualTo("Bearer access-2");
        assertThat(auth.calls).containsExactly("login", "refresh", "login");
    }

    @Test
    void otherRefreshFailuresSurface() {
        auth.lifetime = Duration.ofMinutes(15);
        session.bearer();
        auth.refreshFails = 500;
        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(session::bearer).isInstanceOf(DfsApiException.class).hasMessageContaining("500");
    }

    @Test
    void invalidateOnlyDropsTheTokenItWasGiven() {
        auth.lifetime = Duration.ofMinutes(15);
        String first = session.bearer();
        session.invalidate("Bearer something-else");
        assertThat(session.bearer()).isEqualTo(first);
        session.invalidate(first);
        assertThat(session.bearer()).isEqualTo("Bearer access-2");
        assertThat(auth.calls).containsExactly("login", "login");
    }

    /** The token is still used a millisecond before {@code refreshAt}, and refreshed from then on. */
    private void refreshesFrom(Instant refreshAt) {
        clock.set(refreshAt.minusMillis(1));
        session.bearer();
        assertThat(auth.calls).as("before " + refreshAt).containsExactly("login");
        clock.set(refreshAt);
        session.bearer();
        assertThat(auth.calls).as("at " + refreshAt).containsExactly("login", "refresh");
    }

    private final class ScriptedAuth implements DfsAuthApi {
        final List<String> calls = new ArrayList<>();
        Duration lifetime;
        Duration skew = Duration.ZERO;
        int refreshFails;
        int issued;

        @Override
        public TokenResponse login(LoginRequest request) {
            calls.add("login");
            return tokens();
        }

        @Override
        public TokenResponse refresh(RefreshRequest request) {
            calls.add("refresh");
            if (refreshFails != 0) {
                throw DfsApiException.http(refreshFails, "x", "refresh failed", true);
            }
            return tokens();
        }

        private TokenResponse tokens() {
            issued++;
            return new TokenResponse("access-" + issued, "refresh-" + issued, "Bearer", lifetime.toSeconds(),
                    clock.instant().plus(skew).plus(lifetime), null);
        }

        @Override
        public void close() {
        }
    }
}
