package dev.selftest.internal.select;

/** The rules JUnit Platform sets for tag names, shared by scenarios and tag expressions. */
public final class Tags {
    private static final String RESERVED = ",()&|!";

    private Tags() {
    }

    /** True when {@code tag} is a valid JUnit tag: not blank, no white space, no control or reserved characters. */
    public static boolean isValid(String tag) {
        if (tag.isBlank() || tag.length() > 100) {
            return false;
        }
        return tag.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || RESERVED.indexOf(c) >= 0);
    }

    /** @throws IllegalArgumentException naming {@code owner} when the tag is invalid */
    public static void requireValid(String tag, String owner) {
        if (!isValid(tag)) {
            throw new IllegalArgumentException("tag '" + tag + "' of " + owner + " is invalid: tags are at most "
                    + "100 characters without white space, control characters or any of " + RESERVED);
        }
    }
}
