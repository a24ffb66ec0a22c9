package com.dittofs.operator.dfsclient;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Metadata and block stores (admin token). Stores are addressed by name (or UUID). */
@Path("/api/v1/store")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsStoresApi extends Closeable {

    @GET
    @Path("metadata/{name}")
    MetadataStore getMetadata(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("name") String name);

    /** Opens the store before the duplicate check: a second badger create on the same path gets 400, not 409. */
    @POST
    @Path("metadata")
    MetadataStore createMetadata(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, StoreRequest request);

    @GET
    @Path("block/{kind}/{name}")
    BlockStore getBlock(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("kind") String kind,
            @PathParam("name") String name);

    @POST
    @Path("block/{kind}")
    BlockStore createBlock(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("kind") String kind,
            StoreRequest request);

    /** Saved and validated, but not applied to shares that are already loaded (until dfs restarts). */
    @PUT
    @Path("block/{kind}/{name}")
    BlockStore updateBlock(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("kind") String kind,
            @PathParam("name") String name, StoreRequest request);
}
