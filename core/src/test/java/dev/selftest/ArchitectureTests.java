package dev.selftest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Core stays framework-free and its public API does not leak implementation types. */
class ArchitectureTests {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.selftest");

    @Test
    void coreImportsNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "javax.ws..", "javax.enterprise..",
                        "org.junit..", "io.helidon..", "io.quarkus..")
                .because("core is framework-free; adapters translate")
                .check(CORE);
    }

    @Test
    void internalsDoNotDependOnTransports() {
        noClasses().that().resideInAPackage("dev.selftest.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.selftest.server..")
                .because("transports depend on the handler, never the other way round")
                .check(CORE);
    }
}
