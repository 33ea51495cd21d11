package dev.selftest.internal.kpi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Prometheus registry is an optional dependency: core must load and run without it. */
class OptionalPrometheusTests {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.selftest");

    @Test
    void onlyOneClassTouchesThePrometheusRegistry() {
        noClasses().that().doNotHaveFullyQualifiedName(PrometheusRegistries.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer.prometheusmetrics..",
                        "io.prometheus..")
                .because("it is loaded only after PrometheusText found the optional library on the classpath")
                .check(CORE);
    }
}
