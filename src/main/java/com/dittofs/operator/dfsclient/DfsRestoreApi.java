package com.dittofs.operator.dfsclient;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The routes a restore needs (admin token). {share} is the name without leading slash. A restore is synchronous: dfs
 * answers when it is done (bounded by its snapshot.restore_http_timeout, 30 minutes by default) and cancels it when
 * the client goes away, so it is called on a client of its own with a read timeout longer than that.
 */
@Path("/api/v1/shares")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsRestoreApi extends Closeable {

    /** 409 while the share is enabled, 412 for a snapshot not remotely durable without allow_non_durable. */
    @POST
    @Path("{share}/snapshots/{id}/restore")
    RestoreResult restore(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("id") String id, RestoreRequest request);

    /** 200 also when the share is already disabled. */
    @POST
    @Path("{share}/disable")
    Share disable(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);

    /** 200 also when the share is already enabled. */
    @POST
    @Path("{share}/enable")
    Share enable(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);
}
