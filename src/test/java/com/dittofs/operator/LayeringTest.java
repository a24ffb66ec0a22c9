package com.dittofs.operator;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's packages form layers, each depending only on those below it: naming (constants, pure name functions)
 * &lt; api &lt; config, metrics, events, dfsclient, dfsconfig, certificates, cache &lt; dataplane, dependent &lt; reconciler
 * &lt; snapshot (the DittoSnapshot controller, which reaches dfs as the reconciler does). Main code only
 * (target/classes): tests may reach across. Bytecode is read, so a compile-time constant (inlined by javac) is no
 * dependency here; the packages keep to the layers in their imports too. Main code also carries nothing for tests
 * alone: no member that tests use and main code never does.
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
                        ROOT + ".dfsclient..", ROOT + ".dfsconfig..", ROOT + ".certificates..", ROOT + ".cache..")
                .layer("dataplane").definedBy(ROOT + ".dataplane..")
                .layer("dependent").definedBy(ROOT + ".dependent..")
                .layer("reconciler").definedBy(ROOT + ".reconciler..")
                .layer("snapshot").definedBy(ROOT + ".snapshot..")
                .whereLayer("snapshot").mayNotBeAccessedByAnyLayer()
                .whereLayer("reconciler").mayOnlyBeAccessedByLayers("snapshot")
                .whereLayer("dependent").mayOnlyBeAccessedByLayers("reconciler", "snapshot")
                .whereLayer("dataplane").mayOnlyBeAccessedByLayers("reconciler")
                .whereLayer("services").mayOnlyBeAccessedByLayers("dataplane", "dependent", "reconciler", "snapshot")
                .whereLayer("api").mayOnlyBeAccessedByLayers("services", "dataplane", "dependent", "reconciler",
                        "snapshot")
                .check(classes);
    }

    /** Where records are JSON or YAML bodies, their components read and written by Jackson. */
    private static final Set<String> WIRE_FORMATS = Set.of(ROOT + ".dfsclient", ROOT + ".dfsconfig");

    /** Packages of the annotations that make a member a framework's entry point (injection, lifecycle, config). */
    private static final List<String> FRAMEWORK_ANNOTATIONS = List.of("jakarta.inject", "jakarta.annotation",
            "jakarta.enterprise", "org.eclipse.microprofile", "io.quarkus", "io.javaoperatorsdk");

    /**
     * A non-private method, constructor or field of main code that tests use while main code never does (directly,
     * or through the member of ours it overrides) exists for tests: counters, overloads, accessors. Not concerned are
     * members only frameworks reach: the CRD model (api/), components of the records that are dfs's JSON and YAML bodies, enum
     * values()/valueOf(), no-argument constructors (CDI, Jackson), injection points, producers and lifecycle
     * callbacks, overrides of library types, toString/equals/hashCode. A REST route (JAX-RS) is ours to call: one
     * only tests call is test-only.
     */
    @Test
    void noMainMemberServesOnlyTests() {
        JavaClasses mainAndTests = new ClassFileImporter().importPackages(ROOT);
        Set<String> testOnly = new TreeSet<>();
        for (JavaClass owner : mainAndTests) {
            if (isTest(owner) || owner.getPackageName().startsWith(ROOT + ".api")) {
                continue;
            }
            for (JavaMember member : owner.getMembers()) {
                if (!frameworkReached(member) && usedBy(member, true) && !usedByMain(member)) {
                    testOnly.add(member.getFullName().substring(ROOT.length() + 1));
                }
            }
        }
        assertThat(testOnly).as("main members only tests use").isEmpty();
    }

    private static boolean isTest(JavaClass owner) {
        return owner.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false);
    }

    private static boolean usedBy(JavaMember member, boolean tests) {
        return member.getAccessesToSelf().stream().anyMatch(a -> isTest(a.getOriginOwner()) == tests);
    }

    /** Used by main code, itself or through a method of ours it overrides (main calls the interface). */
    private static boolean usedByMain(JavaMember member) {
        if (usedBy(member, false)) {
            return true;
        }
        return member instanceof JavaMethod method && overridden(method).stream()
                .anyMatch(m -> !m.getOwner().getPackageName().startsWith(ROOT) || usedBy(m, false));
    }

    private static List<JavaMethod> overridden(JavaMethod method) {
        JavaClass owner = method.getOwner();
        String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
        return java.util.stream.Stream.concat(owner.getAllRawSuperclasses().stream(),
                        owner.getAllRawInterfaces().stream())
                .flatMap(type -> type.tryGetMethod(method.getName(), parameters).stream())
                .toList();
    }

    private static boolean frameworkReached(JavaMember member) {
        JavaClass owner = member.getOwner();
        if (member.getModifiers().contains(JavaModifier.PRIVATE) || member.getModifiers().contains(
                JavaModifier.SYNTHETIC) || member.getAnnotations().stream().anyMatch(a -> FRAMEWORK_ANNOTATIONS
                        .stream().anyMatch(a.getRawType().getPackageName()::startsWith))) {
            return true;
        }
        if (member instanceof JavaConstructor constructor) {
            return constructor.getRawParameterTypes().isEmpty() || isRecord(owner);
        }
        if (member instanceof JavaMethod method) {
            String name = method.getName();
            boolean component = isRecord(owner) && WIRE_FORMATS.contains(owner.getPackageName())
                    && method.getRawParameterTypes().isEmpty() && owner.tryGetField(name).isPresent();
            boolean enumMethod = owner.isEnum() && (name.equals("values") || name.equals("valueOf"));
            return component || enumMethod || name.equals("toString") || name.equals("equals")
                    || name.equals("hashCode");
        }
        return false;
    }

    private static boolean isRecord(JavaClass type) {
        return type.getRawSuperclass().map(s -> s.getName().equals("java.lang.Record")).orElse(false);
    }
}
