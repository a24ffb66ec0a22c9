package com.dittofs.operator.dfsclient;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record LoginRequest(String username, String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
