package com.dittofs.operator.e2e;

import java.util.List;
import java.util.Map;

import com.dittofs.operator.certificates.CertificateLifetimes;

/** {@link RealDfs} with REST API certificates that live 90 seconds: due for renewal 30 seconds before they end. */
public class ShortCertificates extends RealDfs {

    static final String LIFETIME = "90s";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OperatorUnderTest.class, Map.of(OperatorUnderTest.DATA_PLANE, "true",
                CertificateLifetimes.SERVER_PROPERTY, LIFETIME)));
    }
}
