package com.dittofs.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * A field that holds one of the operator's beans gets it from CDI: annotated {@code @Inject}, or final and set by an
 * injected constructor. A bean field without either stays null, and the mock tier (which builds reconcilers by hand)
 * cannot see it: a merge once dropped {@code @Inject} from {@code DataPlaneStep.access}, and every data-plane pass
 * failed with a NullPointerException that only the end-to-end tier found.
 */
class InjectionTest {

    private static final List<String> SCOPES = List.of("jakarta.enterprise.context.ApplicationScoped",
            "jakarta.inject.Singleton", "jakarta.enterprise.context.Dependent",
            "jakarta.enterprise.context.RequestScoped");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(location -> location.contains("/target/classes/"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.dittofs.operator");

    @Test
    void everyFieldHoldingABeanIsInjected() {
        List<String> beans = classes.stream().filter(InjectionTest::isBean).map(JavaClass::getName).toList();
        assertThat(beans).as("the bean classes this test knows (a scope annotation moved?)")
                .contains("com.dittofs.operator.reconciler.DfsAccess", "com.dittofs.operator.reconciler.DataPlaneStep");
        List<String> uninjected = classes.stream().flatMap(c -> c.getFields().stream())
                .filter(f -> beans.contains(f.getRawType().getName()))
                .filter(f -> !f.getModifiers().contains(JavaModifier.STATIC))
                .filter(f -> !f.getModifiers().contains(JavaModifier.FINAL))
                .filter(f -> !f.isAnnotatedWith("jakarta.inject.Inject"))
                .map(JavaField::getFullName).toList();
        assertThat(uninjected).as("fields of a bean type that CDI never sets").isEmpty();
    }

    private static boolean isBean(JavaClass c) {
        Set<String> annotations = new java.util.HashSet<>();
        c.getAnnotations().forEach(a -> annotations.add(a.getRawType().getName()));
        return SCOPES.stream().anyMatch(annotations::contains);
    }
}
