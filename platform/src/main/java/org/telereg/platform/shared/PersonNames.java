package org.telereg.platform.shared;

/** Citizens' and managers' names as lists and exports show them. */
public final class PersonNames {

    private PersonNames() {}

    /** The family name and a star for each other character, e.g. 张*; empty for no name. */
    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String stripped = name.strip();
        int first = stripped.offsetByCodePoints(0, 1);
        return stripped.substring(0, first)
                + "*".repeat(Math.max(1, stripped.codePointCount(first, stripped.length())));
    }
}
