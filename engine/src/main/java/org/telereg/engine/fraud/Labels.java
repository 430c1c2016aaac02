package org.telereg.engine.fraud;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ground truth from a CSV with the columns {@code phone_no_m} and {@code label} in any order (the contest's
 * users file has both), and optionally {@code archetype}; label 1 or true is fraud, 0 or false legitimate. Plain
 * or gzip.
 */
final class Labels {

    final Map<String, Boolean> fraud = new LinkedHashMap<>();
    /** The archetype column, where the file has one (generated labels do). */
    final Map<String, String> archetypes = new LinkedHashMap<>();

    final List<BadRow> firstBadRows = new ArrayList<>();
    long badRows;

    private Labels() {}

    static Labels read(Path file, int badRowsToKeep) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such labels file");
        }
        Labels labels = new Labels();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(CdrStreams.open(file), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new CdrFormatException(file, "the labels file is empty (no header line)", List.of());
            }
            String[] names = header.replace("\uFEFF", "").split(",", -1);
            int phone = -1;
            int label = -1;
            int archetype = -1;
            for (int i = 0; i < names.length; i++) {
                String name = names[i].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (name.equals("phone_no_m")) {
                    phone = i;
                } else if (name.equals("label")) {
                    label = i;
                } else if (name.equals("archetype")) {
                    archetype = i;
                }
            }
            List<String> missing = new ArrayList<>();
            if (phone < 0) {
                missing.add("phone_no_m");
            }
            if (label < 0) {
                missing.add("label");
            }
            if (!missing.isEmpty()) {
                throw new CdrFormatException(
                        file, "not a labels file: the header lacks " + String.join(", ", missing), missing);
            }
            String line;
            long number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                String problem = null;
                Boolean value = null;
                if (fields.length <= Math.max(phone, label)) {
                    problem = "expected at least " + (Math.max(phone, label) + 1) + " fields, found " + fields.length;
                } else if (fields[phone].isBlank()) {
                    problem = "phone_no_m is empty";
                } else {
                    value = switch (fields[label].strip().toLowerCase(Locale.ROOT)) {
                        case "1", "1.0", "true" -> true;
                        case "0", "0.0", "false" -> false;
                        default -> null;
                    };
                    if (value == null) {
                        problem = "label must be 0 or 1";
                    }
                }
                if (problem != null) {
                    labels.badRows++;
                    if (labels.firstBadRows.size() < badRowsToKeep) {
                        labels.firstBadRows.add(
                                new BadRow(number, problem, line.length() > 120 ? line.substring(0, 120) : line));
                    }
                } else {
                    labels.fraud.put(fields[phone].strip(), value);
                    if (archetype >= 0 && archetype < fields.length && !fields[archetype].isBlank()) {
                        labels.archetypes.put(fields[phone].strip(), fields[archetype].strip());
                    }
                }
            }
        }
        return labels;
    }
}
