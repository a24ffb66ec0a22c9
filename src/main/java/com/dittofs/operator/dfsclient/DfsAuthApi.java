package com.dittofs.operator.dfsclient;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The routes of dfs that need no token: probes and the token endpoints. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsAuthApi extends Closeable {

    /** Liveness: 200 while the HTTP server is up. */
    @GET
    @Path("health")
    HealthReport health();

    /** Readiness: 200 once the runtime is initialised. */
    @GET
    @Path("health/ready")
    HealthReport ready();

    @POST
    @Path("api/v1/auth/login")
    TokenResponse login(LoginRequest request);

    /** Trades a refresh token for a new pair; the old refresh token stays valid until it expires. */
    @POST
    @Path("api/v1/auth/refresh")
    TokenResponse refresh(RefreshRequest request);
}
