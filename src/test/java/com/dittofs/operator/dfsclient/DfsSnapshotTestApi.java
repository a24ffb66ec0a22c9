package com.dittofs.operator.dfsclient;

import java.io.Closeable;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Share snapshots, restores, policy runs and share enable/disable (admin token), which only tests call until the
 * snapshot controllers do. {share} is the name without leading slash. A snapshot create is asynchronous (202, then
 * poll its state); a restore is synchronous.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsSnapshotTestApi extends Closeable {


    @GET
    @Path("shares/{share}/snapshots")
    List<Snapshot> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);

    @GET
    @Path("shares/{share}/snapshots/{id}")
    Snapshot get(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("id") String id);

    @POST
    @Path("shares/{share}/snapshots")
    SnapshotAccepted create(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            SnapshotCreate request);

    @DELETE
    @Path("shares/{share}/snapshots/{id}")
    void delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("id") String id);

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
