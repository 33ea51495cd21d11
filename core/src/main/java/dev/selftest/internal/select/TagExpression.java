package dev.selftest.internal.select;

import java.util.Set;

/**
 * A JUnit 5 tag expression such as {@code smoke & !slow}: operators {@code !}, {@code &}, {@code |} (in that order of
 * precedence), parentheses, and the functions {@code any()} and {@code none()}.
 */
@FunctionalInterface
public interface TagExpression {

    /** Matches every scenario. */
    TagExpression ALL = tags -> true;

    boolean matches(Set<String> tags);

    /**
     * Parses an expression.
     *
     * @throws InvalidTagExpressionException with the position and what was expected
     */
    static TagExpression parse(String expression) {
        return new TagExpressionParser(expression).parse();
    }
}
