package com.dittofs.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordLedgerTest {

    @Test
    void remembersThePasswordPerServerAndUserUntilForgotten() {
        PasswordLedger ledger = new PasswordLedger();
        assertThat(ledger.matches("s1", "alice", "first-password")).isFalse();
        ledger.record("s1", "alice", "first-password");
        assertThat(ledger.matches("s1", "alice", "first-password")).isTrue();
        assertThat(ledger.matches("s1", "alice", "second-password")).as("rotated").isFalse();
        assertThat(ledger.matches("s2", "alice", "first-password")).as("another server").isFalse();
        ledger.forget("s1", "alice");
        assertThat(ledger.matches("s1", "alice", "first-password")).isFalse();
    }

    @Test
    void anAddressNoLongerUsedIsForgottenWithAllItHeld() {
        PasswordLedger ledger = new PasswordLedger();
        ledger.record("http://10.0.0.1:8080", "alice", "first-password");
        ledger.record("http://10.0.0.1:8080", "bob", "second-password");
        ledger.record("http://10.0.0.2:8080", "alice", "first-password");
        ledger.forgetServer("http://10.0.0.1:8080");
        assertThat(ledger.matches("http://10.0.0.1:8080", "alice", "first-password")).isFalse();
        assertThat(ledger.matches("http://10.0.0.1:8080", "bob", "second-password")).isFalse();
        assertThat(ledger.matches("http://10.0.0.2:8080", "alice", "first-password")).isTrue();
    }

    @Test
    void anotherOperatorProcessKnowsNothing() {
        PasswordLedger one = new PasswordLedger();
        one.record("s1", "alice", "first-password");
        assertThat(new PasswordLedger().matches("s1", "alice", "first-password")).isFalse();
    }
}
