package org.telereg.engine.broadband;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads M-Lab ndt-server result JSON. Figures follow M-Lab's own unified views:
 *
 * <ul>
 *   <li>NDT7 download: {@code BytesAcked × 8 / ElapsedTime} of the last server TCPInfo snapshot (bits per
 *       microsecond = Mbit/s); loss {@code BytesRetrans / BytesSent}; latency {@code MinRTT} (µs → ms);
 *   <li>NDT7 upload: {@code BytesReceived × 8 / ElapsedTime}; latency {@code MinRTT};
 *   <li>NDT5: download {@code S2C.MeanThroughputMbps}, upload {@code C2S.MeanThroughputMbps}, latency {@code
 *       S2C.MinRTT} (ns → ms), loss from {@code S2C.TCPInfo} when present.
 * </ul>
 *
 * The time is the test's {@code StartTime} (UTC) in the settings' zone. Results carry no place or operator; those
 * come from the settings' defaults.
 */
final class NdtResultReader {

    private NdtResultReader() {}

    static ImportReport read(Path file, ImportSettings settings, Consumer<Measurement> sink) throws IOException {
        ImportTally tally = new ImportTally(MeasurementFormat.NDT, file, settings, sink);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            JsonReader json = new JsonReader(in);
            boolean first = true;
            for (Object value = json.next(); value != null; value = json.next()) {
                long line = json.valueLine();
                if (!(value instanceof Map<?, ?> result)) {
                    throw new MeasurementFormatException(
                            file, "line " + line + ": not an NDT result: a JSON object was expected");
                }
                if (first && !isNdt(result)) {
                    throw new MeasurementFormatException(
                            file,
                            "not an NDT5 or NDT7 result: the object lacks Download, Upload (NDT7) and Control, S2C,"
                                    + " C2S (NDT5); it has " + String.join(", ", names(result)),
                            List.of("Download", "Upload", "S2C", "C2S"));
                }
                first = false;
                try {
                    tally.offer(line, measurement(result, settings));
                } catch (Fields.BadField e) {
                    tally.reject(line, e.getMessage(), "");
                }
            }
            if (first) {
                throw new MeasurementFormatException(file, "the file is empty: no JSON value");
            }
        } catch (JsonReader.SyntaxException e) {
            throw new MeasurementFormatException(file, "not valid JSON at " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new MeasurementFormatException(file, "not UTF-8 text (" + e.getMessage() + ")");
        }
        return tally.report("UTF-8", List.of());
    }

    private static boolean isNdt(Map<?, ?> result) {
        return result.containsKey("Download")
                || result.containsKey("Upload")
                || result.containsKey("S2C")
                || result.containsKey("C2S")
                || result.containsKey("Control");
    }

    private static List<String> names(Map<?, ?> object) {
        return object.keySet().stream().map(String::valueOf).toList();
    }

    private static Measurement measurement(Map<?, ?> result, ImportSettings settings) throws Fields.BadField {
        if (result.containsKey("Download") || result.containsKey("Upload")) {
            return ndt7(result, settings);
        }
        return ndt5(result, settings);
    }

    private static Measurement ndt7(Map<?, ?> result, ImportSettings settings) throws Fields.BadField {
        boolean download = result.containsKey("Download");
        String test = download ? "Download" : "Upload";
        Map<?, ?> direction = object(result, test, test);
        List<?> snapshots = list(direction, "ServerMeasurements", test + ".ServerMeasurements");
        if (snapshots.isEmpty()) {
            throw new Fields.BadField(test + ".ServerMeasurements: empty, the test measured nothing");
        }
        String where = test + ".ServerMeasurements[" + (snapshots.size() - 1) + "].TCPInfo";
        if (!(snapshots.get(snapshots.size() - 1) instanceof Map<?, ?> last)) {
            throw new Fields.BadField(test + ".ServerMeasurements[" + (snapshots.size() - 1) + "]: not an object");
        }
        Map<?, ?> tcp = object(last, "TCPInfo", where);
        double elapsedMicros = number(tcp, "ElapsedTime", where);
        if (!(elapsedMicros > 0)) {
            throw new Fields.BadField(where + ".ElapsedTime: " + elapsedMicros + " is not a positive duration");
        }
        double latencyMs = number(tcp, "MinRTT", where) / 1000;
        double mbps = number(tcp, download ? "BytesAcked" : "BytesReceived", where) * 8 / elapsedMicros;
        double loss = Double.NaN;
        if (download) {
            double sent = number(tcp, "BytesSent", where);
            loss = sent > 0 ? number(tcp, "BytesRetrans", where) / sent : Double.NaN;
        }
        return Measurement.of(
                time(direction, test, settings),
                settings.defaultDivision(),
                settings.defaultOperator(),
                settings.defaultTechnology(),
                download ? mbps : Double.NaN,
                download ? Double.NaN : mbps,
                latencyMs,
                loss,
                Double.NaN);
    }

    private static Measurement ndt5(Map<?, ?> result, ImportSettings settings) throws Fields.BadField {
        if (!result.containsKey("S2C") && !result.containsKey("C2S")) {
            throw new Fields.BadField("S2C, C2S: the result has neither a download nor an upload test");
        }
        double download = Double.NaN;
        double latencyMs = Double.NaN;
        double loss = Double.NaN;
        LocalDateTime time;
        if (result.containsKey("S2C")) {
            Map<?, ?> s2c = object(result, "S2C", "S2C");
            download = number(s2c, "MeanThroughputMbps", "S2C");
            if (s2c.containsKey("MinRTT")) {
                latencyMs = number(s2c, "MinRTT", "S2C") / 1_000_000;
            }
            if (s2c.get("TCPInfo") instanceof Map<?, ?> tcp && tcp.containsKey("BytesSent")) {
                double sent = number(tcp, "BytesSent", "S2C.TCPInfo");
                loss = sent > 0 ? number(tcp, "BytesRetrans", "S2C.TCPInfo") / sent : Double.NaN;
            }
            time = time(s2c, "S2C", settings);
        } else {
            time = time(object(result, "C2S", "C2S"), "C2S", settings);
        }
        double upload = result.containsKey("C2S")
                ? number(object(result, "C2S", "C2S"), "MeanThroughputMbps", "C2S")
                : Double.NaN;
        return Measurement.of(
                time,
                settings.defaultDivision(),
                settings.defaultOperator(),
                settings.defaultTechnology(),
                download,
                upload,
                latencyMs,
                loss,
                Double.NaN);
    }

    private static LocalDateTime time(Map<?, ?> test, String where, ImportSettings settings) throws Fields.BadField {
        Object value = test.get("StartTime");
        if (!(value instanceof String text)) {
            throw new Fields.BadField(where + ".StartTime: " + (value == null ? "missing" : "not a string"));
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(settings.zone()).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw new Fields.BadField(where + ".StartTime: \"" + text + "\" is not an RFC 3339 time");
        }
    }

    private static Map<?, ?> object(Map<?, ?> parent, String name, String where) throws Fields.BadField {
        Object value = parent.get(name);
        if (value instanceof Map<?, ?> object) {
            return object;
        }
        throw new Fields.BadField(where + ": " + (value == null ? "missing" : "not an object"));
    }

    private static List<?> list(Map<?, ?> parent, String name, String where) throws Fields.BadField {
        Object value = parent.get(name);
        if (value instanceof List<?> list) {
            return list;
        }
        throw new Fields.BadField(where + ": " + (value == null ? "missing" : "not an array"));
    }

    private static double number(Map<?, ?> parent, String name, String where) throws Fields.BadField {
        Object value = parent.get(name);
        if (value instanceof Double number) {
            return number;
        }
        throw new Fields.BadField(where + "." + name + ": " + (value == null ? "missing" : "not a number"));
    }
}
