package com.dittofs.operator.dfsclient;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The token endpoints of dfs (they need no token). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsAuthApi extends Closeable {

    @POST
    @Path("api/v1/auth/login")
    TokenResponse login(LoginRequest request);

    /** Trades a refresh token for a new pair; the old refresh token stays valid until it expires. */
    @POST
    @Path("api/v1/auth/refresh")
    TokenResponse refresh(RefreshRequest request);
}
