package org.telereg.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds where each required column of an {@link InputKind} sits in a file's header line. */
final class CsvHeader {

    private CsvHeader() {}

    /**
     * Position in the file of each of {@code kind}'s columns, in schema order. Names are compared ignoring case,
     * surrounding blanks and quotes, and a UTF-8 byte-order mark.
     *
     * @throws CdrFormatException naming every missing column, or a required column that appears twice
     */
    static int[] locate(Path file, InputKind kind, byte[] bytes, int from, int to) throws CdrFormatException {
        String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            names[i] = name.toLowerCase(Locale.ROOT);
        }
        List<String> required = kind.columns();
        int[] positions = new int[required.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < required.size(); c++) {
            positions[c] = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(required.get(c))) {
                    if (positions[c] >= 0) {
                        throw new CdrFormatException(
                                file,
                                "column " + required.get(c) + " appears twice in the " + kind.label() + " header",
                                List.of());
                    }
                    positions[c] = i;
                }
            }
            if (positions[c] < 0) {
                missing.add(required.get(c));
            }
        }
        if (!missing.isEmpty()) {
            throw new CdrFormatException(
                    file,
                    "not a " + kind.label() + " file: the header lacks " + String.join(", ", missing)
                            + " (expected " + String.join(",", required) + "; found "
                            + abbreviate(line) + ")",
                    missing);
        }
        return positions;
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
