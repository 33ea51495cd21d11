package dev.selftest.internal.select;

import java.util.Set;

/**
 * Recursive descent over {@code or := and ('|' and)*}, {@code and := not ('&' not)*},
 * {@code not := '!' not | '(' or ')' | any() | none() | tag}, with bounded length and nesting so that hostile
 * input gets a clear error instead of exhausting the stack.
 */
final class TagExpressionParser {
    static final int MAX_LENGTH = 1000;
    static final int MAX_DEPTH = 32;

    private final String text;
    private int position;
    private int depth;

    TagExpressionParser(String text) {
        this.text = text;
    }

    TagExpression parse() {
        if (text.length() > MAX_LENGTH) {
            throw error("longer than " + MAX_LENGTH + " characters");
        }
        if (text.isBlank()) {
            throw error("empty; use a tag such as 'smoke', or any()");
        }
        TagExpression expression = or();
        skipSpace();
        if (position < text.length()) {
            throw error("unexpected '" + text.charAt(position) + "'");
        }
        return expression;
    }

    private TagExpression or() {
        TagExpression left = and();
        while (consume('|')) {
            TagExpression l = left;
            TagExpression r = and();
            left = tags -> l.matches(tags) || r.matches(tags);
        }
        return left;
    }

    private TagExpression and() {
        TagExpression left = not();
        while (consume('&')) {
            TagExpression l = left;
            TagExpression r = not();
            left = tags -> l.matches(tags) && r.matches(tags);
        }
        return left;
    }

    private TagExpression not() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (consume('!')) {
                TagExpression operand = not();
                return tags -> !operand.matches(tags);
            }
            if (consume('(')) {
                TagExpression inner = or();
                if (!consume(')')) {
                    throw error("missing ')'");
                }
                return inner;
            }
            return atom();
        } finally {
            depth--;
        }
    }

    private TagExpression atom() {
        skipSpace();
        int start = position;
        while (position < text.length() && isTagCharacter(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error(position < text.length() ? "expected a tag, found '" + text.charAt(position) + "'"
                    : "expected a tag at the end");
        }
        String word = text.substring(start, position);
        if (consume('(')) {
            if (!consume(')')) {
                throw error("functions take no arguments: any() or none()");
            }
            return switch (word) {
                case "any" -> tags -> !tags.isEmpty();
                case "none" -> Set::isEmpty;
                default -> throw error("unknown function '" + word + "()'; use any() or none()");
            };
        }
        if (!Tags.isValid(word)) {
            throw error("invalid tag '" + word + "'");
        }
        return tags -> tags.contains(word);
    }

    private static boolean isTagCharacter(char c) {
        return !Character.isWhitespace(c) && !Character.isISOControl(c) && "(),&|!".indexOf(c) < 0;
    }

    private boolean consume(char expected) {
        skipSpace();
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private InvalidTagExpressionException error(String problem) {
        return new InvalidTagExpressionException(text, position, problem);
    }
}
