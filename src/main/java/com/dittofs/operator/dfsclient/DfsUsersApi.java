package com.dittofs.operator.dfsclient;

import java.io.Closeable;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Users and groups (admin token), and a user's own password change (that user's token). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsUsersApi extends Closeable {

    @GET
    @Path("users")
    List<DfsUser> users(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** 409 for a duplicate name or UID; 400 when a group does not exist; 500 for a password dfs cannot hash. */
    @POST
    @Path("users")
    DfsUser createUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, UserRequest request);

    /** Partial; {@code groups} replaces the membership. */
    @PUT
    @Path("users/{user}")
    DfsUser updateUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("user") String user,
            UserRequest update);

    @DELETE
    @Path("users/{user}")
    void deleteUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("user") String user);

    /** Sets the login hash and the NT hash (SMB); an admin-role user must then change it again itself. */
    @POST
    @Path("users/{user}/password")
    void resetPassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("user") String user,
            PasswordChange change);

    /** With the user's own token: clears must_change_password (the same password is accepted). */
    @POST
    @Path("users/me/password")
    TokenResponse changeOwnPassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, PasswordChange change);

    @GET
    @Path("groups")
    List<DfsGroup> groups(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("groups")
    DfsGroup createGroup(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, GroupRequest request);

    @PUT
    @Path("groups/{group}")
    DfsGroup updateGroup(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("group") String group,
            GroupRequest update);

    @DELETE
    @Path("groups/{group}")
    void deleteGroup(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("group") String group);
}
