package com.dittofs.operator.e2e;

import com.dittofs.operator.api.v1alpha1.AdminSpec;
import com.dittofs.operator.api.v1alpha1.DatabaseType;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.IdentitySpec;
import com.dittofs.operator.api.v1alpha1.JwtSpec;
import com.dittofs.operator.api.v1alpha1.S3CredentialsRef;
import com.dittofs.operator.api.v1alpha1.S3Spec;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The DittoServers of {@link SecretLeakIT}: the basic sample, referencing user Secrets named after the server. */
final class LeakyServers {

    private LeakyServers() {
    }

    /** References every user Secret the CRD knows: {@code <name>-u-jwt, -u-admin, -u-s3, -u-pg}. */
    static DittoServer withEverySecret(String name) {
        DittoServer server = withAdminSecret(name, name + "-u-admin");
        JwtSpec jwt = new JwtSpec();
        jwt.setSecretRef(new SecretKeySelector("signing", name + "-u-jwt", null));
        server.getSpec().getIdentity().setJwt(jwt);
        server.getSpec().getDatabase().setType(DatabaseType.POSTGRES);
        server.getSpec().getDatabase().setPostgresSecretRef(new LocalObjectReference(name + "-u-pg"));
        S3CredentialsRef credentials = new S3CredentialsRef();
        credentials.setName(name + "-u-s3");
        credentials.setEndpointKey("endpoint");
        S3Spec s3 = new S3Spec();
        s3.setBucket("leaky-bucket");
        s3.setForcePathStyle(true);
        s3.setCredentialsSecretRef(credentials);
        server.getSpec().setS3(s3);
        return server;
    }

    /** The admin password from a user Secret's key {@code password}; generated JWT secret. */
    static DittoServer withAdminSecret(String name, String secret) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName(name);
        return Fixtures.withAdminSecret(server, secret);
    }

    /** The inputs hash on the pod template of a server's StatefulSet. */
    static String inputsHash(KubernetesClient admin, String namespace, String name) {
        return admin.apps().statefulSets().inNamespace(namespace).withName(name).get().getSpec().getTemplate()
                .getMetadata().getAnnotations().get("dittofs.dittofs.com/inputs-hash");
    }
}
