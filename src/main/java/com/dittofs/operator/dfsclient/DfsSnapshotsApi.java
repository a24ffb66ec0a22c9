package com.dittofs.operator.dfsclient;

import java.io.Closeable;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Snapshot policies of shares (admin token). {share} is the name without leading slash. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsSnapshotsApi extends Closeable {

    @GET
    @Path("snapshot-policies")
    List<SnapshotPolicy> policies(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("shares/{share}/snapshot-policy")
    SnapshotPolicy putPolicy(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            SnapshotPolicyRequest request);

    @DELETE
    @Path("shares/{share}/snapshot-policy")
    void deletePolicy(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);
}
