package org.telereg.engine.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small delimited reference files that sit next to this class in the jar. */
final class ReferenceFile {

    private ReferenceFile() {}

    /**
     * The rows of a file, without {@code #} comment lines and without the header line; fields are split on
     * {@code separator} and stripped of surrounding double quotes (the files quote no separators).
     */
    static List<String[]> rows(String name, char separator) {
        InputStream in = ReferenceFile.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Reference file " + name + " is missing from the engine jar");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(String.valueOf(separator), -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unquote(fields[i]);
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + name, e);
        }
        return rows;
    }

    private static String unquote(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1)
                : field;
    }
}
