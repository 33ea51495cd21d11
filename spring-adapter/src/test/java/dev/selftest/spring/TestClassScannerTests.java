package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.spring.internal.TestClassScanner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class TestClassScannerTests {
    private final TestClassScanner scanner = new TestClassScanner(new DefaultResourceLoader());

    @Test
    void findsConcreteTopLevelTestClassesInPackagesAndSubPackages() {
        assertThat(scanner.scan(List.of("dev.selftest.spring.fixtures.checks"))).extracting(Class::getName)
                .containsExactly("dev.selftest.spring.fixtures.checks.CatalogueChecks",
                        "dev.selftest.spring.fixtures.checks.more.OrderChecks");
    }

    @Test
    void classFoundThroughTwoPackagesIsListedOnce() {
        assertThat(scanner.scan(List.of("dev.selftest.spring.fixtures.checks.more",
                "dev.selftest.spring.fixtures.checks"))).hasSize(2);
    }

    @Test
    void packageWithoutTestsFindsNothing() {
        assertThat(scanner.scan(List.of("dev.selftest.api"))).as("core's control API: classes, no test").isEmpty();
    }
}
