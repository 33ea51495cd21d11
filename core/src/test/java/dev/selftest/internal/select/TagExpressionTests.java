package dev.selftest.internal.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TagExpressionTests {

    @ParameterizedTest(name = "{0} on [{1}] -> {2}")
    @CsvSource(delimiter = ';', value = {
            "smoke; smoke; true",
            "smoke; slow; false",
            "smoke & !slow; smoke; true",
            "smoke & !slow; smoke slow; false",
            "smoke | critical; critical; true",
            "!smoke; critical; true",
            "!!smoke; smoke; true",
            "a | b & c; a; true",
            "a | b & c; b; false",
            "(a | b) & c; b c; true",
            "(a | b) & c; a; false",
            "any(); a; true",
            "any(); ''; false",
            "none(); ''; true",
            "none(); a; false",
            "  smoke  &  ( slow | fast ) ; smoke fast; true",
    })
    void evaluatesLikeJUnit(String expression, String tags, boolean expected) {
        Set<String> tagSet = tags.isBlank() ? Set.of() : Set.of(tags.split(" "));
        assertThat(TagExpression.parse(expression).matches(tagSet)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "smoke &", "& smoke", "(smoke", "smoke)", "smoke slow", "some()", "any(x)",
            "!", "a || b", "()"})
    void refusesMalformedExpressionsWithThePosition(String expression) {
        assertThatThrownBy(() -> TagExpression.parse(expression))
                .isInstanceOf(InvalidTagExpressionException.class)
                .hasMessageContaining("invalid tag expression");
    }

    @Test
    void refusesDeepNestingInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(10_000) + "a" + ")".repeat(10_000);
        assertThatThrownBy(() -> TagExpression.parse(deep)).hasMessageContaining("longer than 1000");
        String nested = "(".repeat(400) + "a" + ")".repeat(400);
        assertThatThrownBy(() -> TagExpression.parse(nested)).hasMessageContaining("nested deeper than 32");
        String negations = "!".repeat(900) + "a";
        assertThatThrownBy(() -> TagExpression.parse(negations)).hasMessageContaining("nested deeper than 32");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String nested = "(".repeat(30) + "a" + ")".repeat(30);
        assertThat(TagExpression.parse(nested).matches(Set.of("a"))).isTrue();
    }
}
