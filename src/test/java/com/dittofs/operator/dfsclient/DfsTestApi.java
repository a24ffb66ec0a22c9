package com.dittofs.operator.dfsclient;

import java.io.Closeable;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The dfs routes only tests call (the operator never probes, lists or deletes stores): kept out of main's client. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsTestApi extends Closeable {

    /** Liveness: 200 while the HTTP server is up. */
    @GET
    @Path("health")
    HealthReport health();

    /** Readiness: 200 once the runtime is initialised. */
    @GET
    @Path("health/ready")
    HealthReport ready();

    @GET
    @Path("api/v1/adapters")
    List<Adapter> adapters(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("api/v1/store/metadata")
    List<MetadataStore> metadataStores(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @DELETE
    @Path("api/v1/store/metadata/{name}")
    void deleteMetadataStore(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("name") String name);

    @GET
    @Path("api/v1/store/block/{kind}")
    List<BlockStore> blockStores(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("kind") String kind);

    @DELETE
    @Path("api/v1/store/block/{kind}/{name}")
    void deleteBlockStore(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("kind") String kind,
            @PathParam("name") String name);

    @GET
    @Path("api/v1/shares/{share}")
    Share share(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);
}
