package com.dittofs.operator.dfsclient;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Protocol adapters (admin token). */
@Path("/api/v1/adapters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsAdaptersApi extends Closeable {

    @GET
    @Path("{type}")
    Adapter get(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("type") String type);

    /** Partial update; a port, bind or enabled change restarts the adapter inside the request. */
    @PUT
    @Path("{type}")
    Adapter update(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("type") String type,
            AdapterUpdate update);

    @GET
    @Path("nfs/settings")
    NfsAdapterSettings nfsSettings(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** Partial update of the settings row; portmapper and UDP changes apply when the adapter (re)starts. */
    @PATCH
    @Path("nfs/settings")
    NfsAdapterSettings patchNfsSettings(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            NfsAdapterSettings patch);
}
