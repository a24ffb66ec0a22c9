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
 * Snapshots of a share (admin token). {share} is the name without leading slash. A create is asynchronous: dfs
 * answers 202 with the new snapshot's id and takes it in the background (poll its state).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsShareSnapshotsApi extends Closeable {

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
}
