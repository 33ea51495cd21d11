package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selftest.Outcome;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.Selftest;
import dev.selftest.StepResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JUnitScenariosDiscoveryTests {
    private static final String PACKAGE = "dev.selftest.junit.fixtures.discovery";
    private static final String CATALOGUE = PACKAGE + ".CatalogueChecks";
    private static final String ORDERS = PACKAGE + ".OrderChecks";
    private static final String UNDECLARED = PACKAGE + ".UndeclaredChecks";

    @Test
    void offersOneScenarioPerTopLevelClassNamedByTheClass() {
        List<Scenario> scenarios = JUnitScenarios.builder().packages(PACKAGE).discover();

        assertThat(scenarios).extracting(Scenario::id).containsExactlyInAnyOrder(CATALOGUE, ORDERS, UNDECLARED);
        assertThat(scenarios).extracting(Scenario::source)
                .containsExactlyInAnyOrder("junit:" + CATALOGUE, "junit:" + ORDERS, "junit:" + UNDECLARED);
    }

    @Test
    void takesTheDescriptionFromDisplayNameAndTagsFromTheClassAndItsTests() {
        Scenario catalogue = byId(JUnitScenarios.builder().packages(PACKAGE).discover()).get(CATALOGUE);

        assertThat(catalogue.description()).isEqualTo("The catalogue lists and finds products");
        assertThat(catalogue.tags()).containsExactlyInAnyOrder("smoke", "slow", SafetyTags.READ_ONLY);
    }

    @Test
    void offersOnlyTestsMatchingTheTagExpressionAndRunsOnlyThose() throws InterruptedException {
        List<Scenario> scenarios = JUnitScenarios.builder().packages(PACKAGE).tags("smoke & !slow").discover();

        assertThat(scenarios).extracting(Scenario::id).containsExactly(CATALOGUE);
        assertThat(scenarios.get(0).tags()).doesNotContain("slow");
        try (Selftest selftest = BridgedRuns.selftest(scenarios)) {
            ScenarioResult result = BridgedRuns.runOne(selftest, CATALOGUE);
            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.steps()).extracting(StepResult::name)
                    .containsExactlyInAnyOrder("listsProducts()", "Prices > areShownInEuro()");
        }
    }

    @Test
    void takesSafetyFromTheMostDangerousTestAndCallsUndeclaredSafetyDestructive() {
        Map<String, Scenario> classes = byId(JUnitScenarios.builder().packages(PACKAGE).discover());
        Map<String, Scenario> methods = byId(JUnitScenarios.builder().packages(PACKAGE)
                .granularity(Granularity.METHOD).discover());

        assertThat(classes.get(CATALOGUE).safety()).isEqualTo(Safety.READ_ONLY);
        assertThat(classes.get(ORDERS).safety()).isEqualTo(Safety.DESTRUCTIVE);
        assertThat(classes.get(UNDECLARED).safety()).isEqualTo(Safety.DESTRUCTIVE);
        assertThat(methods.get(ORDERS + "#listsOrders").safety()).isEqualTo(Safety.READ_ONLY);
        assertThat(methods.get(ORDERS + "#placesAndCancelsAnOrder").safety()).isEqualTo(Safety.SELF_CLEANING);
        assertThat(methods.get(ORDERS + "#purgesAllOrders").safety()).isEqualTo(Safety.DESTRUCTIVE);
        assertThat(methods.get(UNDECLARED + "#readsSomething").safety()).isEqualTo(Safety.READ_ONLY);
        assertThat(methods.get(UNDECLARED + "#doesSomethingUnknown").safety()).isEqualTo(Safety.DESTRUCTIVE);
    }

    @Test
    void offersOneScenarioPerMethodWithParameterTypesOnlyForOverloads() {
        Map<String, Scenario> methods = byId(JUnitScenarios.builder().classes(catalogueAndUndeclared())
                .granularity(Granularity.METHOD).discover());

        assertThat(methods).containsOnlyKeys(CATALOGUE + "#listsProducts", CATALOGUE + "#searchesTheWholeCatalogue",
                CATALOGUE + "$Prices#areShownInEuro", UNDECLARED + "#readsSomething",
                UNDECLARED + "#doesSomethingUnknown", UNDECLARED + "#overloaded",
                UNDECLARED + "#overloaded-TestInfo");
        assertThat(methods.get(CATALOGUE + "#listsProducts").description())
                .isEqualTo("The catalogue lists and finds products: listsProducts()");
    }

    @Test
    void productionRefusesAScenarioWhoseSafetyIsUndeclared() {
        List<Scenario> scenarios = JUnitScenarios.builder().packages(PACKAGE).discover();

        try (Selftest production = Selftest.builder().environment("production").scenarios(scenarios).build()) {
            assertThatThrownBy(() -> production.start(RunRequest.builder().scenarios(UNDECLARED).build()))
                    .isInstanceOf(RunRejectedException.class)
                    .hasMessageContaining("not allowed in environment 'production'");
        }
    }

    @Test
    void refusesAnInvalidTagExpression() {
        assertThatThrownBy(() -> JUnitScenarios.builder().packages(PACKAGE).tags("smoke &").discover())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag expression 'smoke &' is invalid");
    }

    @Test
    void refusesAnEmptySelection() {
        assertThatThrownBy(() -> JUnitScenarios.builder().discover())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("select at least one package or test class");
    }

    private static Class<?>[] catalogueAndUndeclared() {
        try {
            return new Class<?>[] {Class.forName(CATALOGUE), Class.forName(UNDECLARED)};
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Scenario> byId(List<Scenario> scenarios) {
        return scenarios.stream().collect(Collectors.toMap(Scenario::id, Function.identity()));
    }
}
