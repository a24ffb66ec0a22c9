package com.dittofs.operator.dfsclient;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The identity providers (admin token), kept in dfs's database: LDAP is hot-reloaded on PUT, Kerberos is not. */
@Path("/api/v1/identity-providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DfsIdentityProvidersApi extends Closeable {

    /** 404 while none is stored. */
    @GET
    @Path("ldap/config")
    LdapProviderConfig getLdap(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("ldap/config")
    LdapProviderConfig putLdap(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, LdapProviderConfig config);

    /** Dials and binds without storing anything; an empty password tests the stored one. */
    @POST
    @Path("ldap/test")
    ProviderTestResult testLdap(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, LdapProviderConfig config);

    /** 404 while none is stored. */
    @GET
    @Path("kerberos/config")
    KerberosProviderConfig getKerberos(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** Stored; the service principal, realm and keytab apply at dfs's next start, the machine account at once. */
    @PUT
    @Path("kerberos/config")
    KerberosProviderConfig putKerberos(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            KerberosProviderConfig config);
}
