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
 * Restores, policy runs and share enable/disable (admin token), which only tests call until a restore controller
 * does (snapshot create, list, get and delete are in main: DfsShareSnapshotsApi). {share} is the name without leading
 * slash. A restore is synchronous.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsSnapshotTestApi extends Closeable {

    @POST
    @Path("shares/{share}/snapshots/{id}/restore")
    RestoreResult restore(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("id") String id, RestoreRequest request);

    @POST
    @Path("shares/{share}/snapshot-policy/run")
    SnapshotAccepted runPolicy(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("share") String share);

    @POST
    @Path("shares/{share}/disable")
    Share disable(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);

    @POST
    @Path("shares/{share}/enable")
    Share enable(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);
}
