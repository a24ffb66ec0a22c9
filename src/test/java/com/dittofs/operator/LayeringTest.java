package com.dittofs.operator;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's packages form layers, each depending only on those below it: naming (constants, pure name functions)
 * &lt; api &lt; config, metrics, events, dfsclient, dfsconfig &lt; dataplane, dependent &lt; reconciler. Main code only
 * (target/classes): tests may reach across. Bytecode is read, so a compile-time constant (inlined by javac) is no
 * dependency here; the packages keep to the layers in their imports too.
 */
class LayeringTest {

    private static final String ROOT = "com.dittofs.operator";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(location -> location.contains("/target/classes/"))
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachPackageDependsOnlyOnTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("naming").definedBy(ROOT + ".naming..")
                .layer("api").definedBy(ROOT + ".api..")
                .layer("services").definedBy(ROOT + ".config..", ROOT + ".metrics..", ROOT + ".events..",
                        ROOT + ".dfsclient..", ROOT + ".dfsconfig..", ROOT + ".certificates..")
                .layer("dataplane").definedBy(ROOT + ".dataplane..")
                .layer("dependent").definedBy(ROOT + ".dependent..")
                .layer("reconciler").definedBy(ROOT + ".reconciler..")
                .whereLayer("reconciler").mayNotBeAccessedByAnyLayer()
                .whereLayer("dependent").mayOnlyBeAccessedByLayers("reconciler")
                .whereLayer("dataplane").mayOnlyBeAccessedByLayers("reconciler")
                .whereLayer("services").mayOnlyBeAccessedByLayers("dataplane", "dependent", "reconciler")
                .whereLayer("api").mayOnlyBeAccessedByLayers("services", "dataplane", "dependent", "reconciler")
                .check(classes);
    }
}
