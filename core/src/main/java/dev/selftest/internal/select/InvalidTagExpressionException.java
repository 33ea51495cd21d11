package dev.selftest.internal.select;

/** A tag expression that cannot be parsed; the message says where and why. */
public final class InvalidTagExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidTagExpressionException(String expression, int position, String problem) {
        super("invalid tag expression '" + abbreviate(expression) + "' at position " + position + ": " + problem);
    }

    private static String abbreviate(String expression) {
        return expression.length() <= 80 ? expression : expression.substring(0, 77) + "...";
    }
}
