package com.dittofs.operator.dfsclient;

import java.io.Closeable;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Shares, their NFS export options and their grants (admin token). {share} is the name without leading slash. */
@Path("/api/v1/shares")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsSharesApi extends Closeable {

    @GET
    List<Share> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    Share create(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, ShareCreate request);

    @PUT
    @Path("{share}")
    Share update(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            ShareUpdate update);

    /** Removes the share but keeps its data: re-creating the name on the same metadata store brings files back. */
    @DELETE
    @Path("{share}")
    void delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share);

    @GET
    @Path("{share}/adapters/nfs/config")
    NfsExportConfig getNfsConfig(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("share") String share);

    @PATCH
    @Path("{share}/adapters/nfs/config")
    NfsExportConfig patchNfsConfig(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("share") String share, NfsExportConfig patch);

    /** dfs answers JSON null, not [], when there is no grant. */
    @GET
    @Path("{share}/permissions")
    List<SharePermission> permissions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("share") String share);

    /** Upsert: 204 whether or not the grant existed. */
    @PUT
    @Path("{share}/permissions/users/{user}")
    void grantUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("user") String user, PermissionGrant grant);

    @DELETE
    @Path("{share}/permissions/users/{user}")
    void revokeUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("user") String user);

    /** Upsert: 204 whether or not the grant existed. */
    @PUT
    @Path("{share}/permissions/groups/{group}")
    void grantGroup(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("group") String group, PermissionGrant grant);

    @DELETE
    @Path("{share}/permissions/groups/{group}")
    void revokeGroup(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("share") String share,
            @PathParam("group") String group);
}
