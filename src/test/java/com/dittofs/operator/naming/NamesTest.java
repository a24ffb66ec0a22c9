package com.dittofs.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** The longest name the schema admits still gives names Kubernetes (and Percona) accept. */
class NamesTest {

    private static final int LABEL_VALUE = 63;
    /** A StatefulSet's pods carry controller-revision-hash=<name>-<hash of up to 10 characters>. */
    private static final int REVISION_SUFFIX = 11;

    private static DittoServer named(int length) {
        DittoServer server = Fixtures.basic();
        server.getMetadata().setName("n".repeat(length));
        return server;
    }

    @Test
    void theLongestNameGivesValidDerivedNames() {
        DittoServer server = named(Names.MAX_NAME_LENGTH);
        assertThat(Names.statefulSet(server).length() + REVISION_SUFFIX).isLessThanOrEqualTo(LABEL_VALUE);
        assertThat(java.util.List.of(Names.apiService(server), Names.fileService(server),
                Names.headlessService(server), Names.metricsService(server)))
                .allSatisfy(service -> assertThat(service).hasSizeLessThanOrEqualTo(LABEL_VALUE));
        assertThat(Names.MAX_NAME_LENGTH + 1 + REVISION_SUFFIX).isGreaterThan(LABEL_VALUE);
    }

    @Test
    void theLongestNameWithPerconaGivesValidInstanceStatefulSets() {
        DittoServer server = named(Names.MAX_NAME_LENGTH_WITH_PERCONA);
        String instance = Names.perconaCluster(server) + "-" + Names.PERCONA_INSTANCE_SET + "-xxxx";
        assertThat(instance.length() + REVISION_SUFFIX).isEqualTo(LABEL_VALUE);
    }
}
