package com.dittofs.operator.packaging;

import org.junit.jupiter.api.BeforeAll;

/** The chart tests: helm as the build pins it, once the package phase has generated the chart's CRD. */
abstract class WithHelm {

    static Helm helm;

    @BeforeAll
    static void helm() {
        Build.assumePackagePhase();
        helm = new Helm();
    }
}
