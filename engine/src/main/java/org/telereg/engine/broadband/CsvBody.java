package org.telereg.engine.broadband;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.telereg.engine.broadband.CsvMeasurementReader.Column;

/**
 * The data rows of a generic measurement CSV, read from the file's bytes.
 *
 * <p>A row that is plain (no quote, the header's number of fields, ASCII or valid UTF-8, the usual time and number
 * forms) is parsed where it lies in the buffer: no string per field, numbers and the time read from their digits,
 * division, operator and technology looked up by their bytes. Any other row goes the general way ({@link
 * CsvMeasurementReader#row}), which words each error; both ways give the same measurement for a row both can read.
 *
 * <p>With more than one thread the rows after the header are cut at line ends into stretches of a few megabytes,
 * parsed in parallel, each into its own {@link ImportTally} and a {@link Batch} of its accepted rows' figures; the
 * calling thread takes the stretches in file order, adds their tallies with the line numbers moved by the lines
 * before them and feeds their batches to the aggregations row by row. The aggregations thus see the measurements
 * in the order of the file, as with one thread, so every sum is the same to the last bit and the report lists the
 * same first rows, whatever the number of threads.
 */
final class CsvBody {

    // A stretch's batch holds about 30 bytes per accepted row until the aggregations have taken it; a few stretches
    // are in flight at a time.
    static final long MIN_STRETCH = 1 << 20;
    static final long MAX_STRETCH = 16 << 20;

    private static final Object BAD = new Object();
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    private static final AtomicInteger THREADS_STARTED = new AtomicInteger();

    private CsvBody() {}

    /**
     * Reads {@code file}: accepted measurements go to {@code sink} as {@link Measurement}s when it is not null (on
     * the calling thread alone), else to {@code aggregations} as figures.
     *
     * @param stretch bytes per parallel stretch; 0 to choose from the file's size
     */
    static ImportReport read(
            Path file,
            ImportSettings settings,
            Consumer<Measurement> sink,
            List<SpeedAggregation> aggregations,
            int threads,
            long stretch)
            throws IOException {
        CsvMeasurementReader.Header header = CsvMeasurementReader.header(file);
        Consumer<Measurement> all = sink != null
                ? sink
                : measurement -> {
                    for (SpeedAggregation aggregation : aggregations) {
                        aggregation.accept(measurement);
                    }
                };
        ImportTally tally = new ImportTally(MeasurementFormat.CSV, file, settings, all);
        LineCharset charset = new LineCharset(header.charset());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = Math.min(header.dataStart(), size);
            long length = stretch > 0
                    ? stretch
                    : Math.max(MIN_STRETCH, Math.min(MAX_STRETCH, (size - from) / (8L * threads)));
            if (threads <= 1 || sink != null || size - from <= length) {
                new Rows(header, tally, charset, sink == null ? aggregations : null, null, header.lineNumber())
                        .read(channel, from, size);
            } else {
                charset.decideBefore(channel, from, size);
                parallel(channel, header, tally, charset, aggregations, threads, from, size, length);
            }
        }
        return tally.report(charset.name(), header.ignored());
    }

    /** One stretch's outcome: its tally, its accepted rows' figures and how many lines it held. */
    private record Stretch(ImportTally tally, Batch batch, long lines) {}

    private static void parallel(
            FileChannel channel,
            CsvMeasurementReader.Header header,
            ImportTally tally,
            LineCharset charset,
            List<SpeedAggregation> aggregations,
            int threads,
            long from,
            long size,
            long length)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "telereg-csv-reader-" + THREADS_STARTED.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Stretch>> pending = new ArrayDeque<>();
            long next = from;
            long linesBefore = header.lineNumber();
            while (next < size || !pending.isEmpty()) {
                // A few stretches ahead of the one added next, so memory is bounded by the stretch size.
                while (next < size && pending.size() < threads + 1) {
                    long start = next;
                    long end = lineStartFrom(channel, start + length, size);
                    pending.add(pool.submit(() -> stretch(channel, header, tally, charset, aggregations, start, end)));
                    next = end;
                }
                Stretch done = await(pending.poll());
                tally.absorb(done.tally(), linesBefore);
                done.batch().into(aggregations);
                linesBefore += done.lines();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Stretch stretch(
            FileChannel channel,
            CsvMeasurementReader.Header header,
            ImportTally whole,
            LineCharset charset,
            List<SpeedAggregation> aggregations,
            long start,
            long end)
            throws IOException {
        Batch batch = new Batch();
        ImportTally tally = new ImportTally(MeasurementFormat.CSV, null, whole.settings(), batch::add, whole.now());
        long lines = new Rows(header, tally, charset, null, batch, 0).read(channel, start, end);
        return new Stretch(tally, batch, lines);
    }

    private static Stretch await(Future<Stretch> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** The first line start at or after {@code at} (the byte after a line feed), or {@code size}. */
    static long lineStartFrom(FileChannel channel, long at, long size) throws IOException {
        if (at >= size) {
            return size;
        }
        ByteBuffer block = ByteBuffer.allocate(1 << 16);
        long position = at - 1;
        while (position < size) {
            block.clear();
            int read = channel.read(block, position);
            if (read <= 0) {
                return size;
            }
            for (int i = 0; i < read; i++) {
                if (block.get(i) == '\n') {
                    return position + i + 1;
                }
            }
            position += read;
        }
        return size;
    }

    /** What a reader does with each line of a stretch. */
    interface LineVisitor {
        /** A line from {@code from} to {@code to} (its line feed left out); false to stop. */
        boolean line(byte[] bytes, int from, int to, long offset);

        /** A line longer than {@link TextLines#MAX_LINE_BYTES}, not held; false to stop. */
        boolean tooLong(long offset);
    }

    /**
     * Hands each line between the byte offsets {@code from} (a line start) and {@code to} to {@code visitor}, as
     * {@link TextLines} cuts them: at line feeds, the last line also without one, a line over {@link
     * TextLines#MAX_LINE_BYTES} (carriage return included) not held but reported as too long.
     *
     * @return the lines handed on
     */
    static long lines(FileChannel channel, long from, long to, LineVisitor visitor) throws IOException {
        byte[] buffer = new byte[(int) Math.max(1 << 12, Math.min(1 << 20, to - from + 1))];
        int length = 0;
        int start = 0;
        int scan = 0;
        long bufferAt = from;
        long next = from;
        long end = to;
        boolean tooLong = false;
        long tooLongAt = 0;
        long count = 0;
        while (true) {
            int feed = indexOfFeed(buffer, scan, length);
            if (feed >= 0) {
                count++;
                boolean go = tooLong || feed - start > TextLines.MAX_LINE_BYTES
                        ? visitor.tooLong(tooLong ? tooLongAt : bufferAt + start)
                        : visitor.line(buffer, start, feed, bufferAt + start);
                tooLong = false;
                if (!go) {
                    return count;
                }
                start = feed + 1;
                scan = start;
                continue;
            }
            if (next >= end) {
                if (tooLong || start < length) {
                    count++;
                    if (tooLong || length - start > TextLines.MAX_LINE_BYTES) {
                        visitor.tooLong(tooLong ? tooLongAt : bufferAt + start);
                    } else {
                        visitor.line(buffer, start, length, bufferAt + start);
                    }
                }
                return count;
            }
            if (!tooLong && length - start > TextLines.MAX_LINE_BYTES) {
                tooLong = true;
                tooLongAt = bufferAt + start;
            }
            if (tooLong) {
                bufferAt = next;
                length = 0;
                start = 0;
            } else {
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, length - start);
                    bufferAt += start;
                    length -= start;
                    start = 0;
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            scan = length;
            ByteBuffer into = ByteBuffer.wrap(buffer, length, (int) Math.min(buffer.length - length, end - next));
            int read = channel.read(into, next);
            if (read < 0) {
                end = next;
                continue;
            }
            length += read;
            next += read;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Where the first line feed from {@code from} is, or -1; eight bytes at a time. */
    static int indexOfFeed(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ FEEDS;
            // A zero byte in x is a line feed; the lowest flagged byte is always a true one.
            long found = (x - ONES) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Which character set a non-ASCII line is read in. The first non-ASCII line decides, as in {@link TextLines}:
     * UTF-8 when it decodes strictly as UTF-8, else GBK; a line before that decides nothing and is neither. A
     * parallel read decides before the stretches start ({@link #decideBefore}), so each thread can ask.
     */
    static final class LineCharset {
        private Charset charset;
        private long decidedAt = -1;
        private boolean settled;

        LineCharset(Charset decidedByHeader) {
            this.charset = decidedByHeader;
            this.settled = decidedByHeader != null;
        }

        String name() {
            return charset == null ? "UTF-8" : charset.name();
        }

        /**
         * The set a non-ASCII line starting at {@code offset} is read in, or null when no set applies: the line is
         * then neither UTF-8 nor GBK. Before {@link #decideBefore} (one thread), a line may decide.
         */
        Charset at(long offset, byte[] bytes, int from, int to) {
            if (settled) {
                return charset != null && offset >= decidedAt ? charset : null;
            }
            if (charset == null) {
                if (strictly(StandardCharsets.UTF_8, bytes, from, to) != null) {
                    charset = StandardCharsets.UTF_8;
                } else if (strictly(TextLines.GBK, bytes, from, to) != null) {
                    charset = TextLines.GBK;
                } else {
                    return null;
                }
                decidedAt = offset;
            }
            return charset;
        }

        /** Finds the line that decides, reading from {@code from}; afterwards threads may ask {@link #at}. */
        void decideBefore(FileChannel channel, long from, long to) throws IOException {
            if (!settled) {
                lines(channel, from, to, new LineVisitor() {
                    @Override
                    public boolean line(byte[] bytes, int start, int end, long offset) {
                        int last = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
                        for (int i = start; i < last; i++) {
                            if (bytes[i] < 0) {
                                at(offset, bytes, start, last);
                                return charset == null;
                            }
                        }
                        return true;
                    }

                    @Override
                    public boolean tooLong(long offset) {
                        return true;
                    }
                });
                settled = true;
            }
        }
    }

    static String strictly(Charset set, byte[] bytes, int from, int to) {
        try {
            return set.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing above
     * U+10FFFF), which is what Java's strict UTF-8 decoder accepts.
     */
    static boolean validUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int c = bytes[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (c < 0xC2) {
                return false;
            } else if (c < 0xE0) {
                if (i + 1 >= to || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= to) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                boolean ok = c == 0xE0
                        ? second >= 0xA0 && second <= 0xBF
                        : c == 0xED ? second >= 0x80 && second <= 0x9F : continuation(bytes[i + 1]);
                if (!ok || !continuation(bytes[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= to) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                boolean ok = c == 0xF0
                        ? second >= 0x90 && second <= 0xBF
                        : c == 0xF4 ? second >= 0x80 && second <= 0x8F : continuation(bytes[i + 1]);
                if (!ok || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** A division with its province and city codes, cut once per text rather than once per row. */
    record Place(String division, String province, String city) {
        static Place of(String division) {
            return new Place(division, SpeedAggregation.provinceCode(division), SpeedAggregation.cityCode(division));
        }
    }

    /**
     * The accepted rows of one stretch, in file order, with the figures the aggregations take: what a thread that
     * parses hands to the thread that aggregates.
     */
    static final class Batch {
        private static final Technology[] TECHNOLOGIES = Technology.values();

        private Place[] places = new Place[1024];
        private String[] operators = new String[1024];
        private byte[] technologies = new byte[1024];
        private int[] years = new int[1024];
        /** Month, day and hour in one number: {@code (month << 16) | (day << 8) | hour}. */
        private int[] monthDayHours = new int[1024];

        private double[] downloads = new double[1024];
        private double[] plans = new double[1024];
        private double[] busyHourDownloads;
        private int size;

        void add(
                Place place,
                String operator,
                Technology technology,
                int year,
                int month,
                int day,
                int hour,
                double download,
                double plan) {
            add(place, operator, technology, year, month, day, hour, download, plan, Double.NaN);
        }

        /** A measurement accepted the general way, in its place among the others. */
        void add(Measurement measurement) {
            LocalDateTime time = measurement.time();
            add(
                    Place.of(measurement.division()),
                    measurement.operator(),
                    measurement.technology(),
                    time.getYear(),
                    time.getMonthValue(),
                    time.getDayOfMonth(),
                    time.getHour(),
                    measurement.downloadMbps(),
                    measurement.planMbps(),
                    measurement.busyHourDownloadMbps());
        }

        private void add(
                Place place,
                String operator,
                Technology technology,
                int year,
                int month,
                int day,
                int hour,
                double download,
                double plan,
                double busyHourDownload) {
            if (size == places.length) {
                int larger = size * 2;
                places = Arrays.copyOf(places, larger);
                operators = Arrays.copyOf(operators, larger);
                technologies = Arrays.copyOf(technologies, larger);
                years = Arrays.copyOf(years, larger);
                monthDayHours = Arrays.copyOf(monthDayHours, larger);
                downloads = Arrays.copyOf(downloads, larger);
                plans = Arrays.copyOf(plans, larger);
                if (busyHourDownloads != null) {
                    busyHourDownloads = Arrays.copyOf(busyHourDownloads, larger);
                }
            }
            if (!Double.isNaN(busyHourDownload) && busyHourDownloads == null) {
                busyHourDownloads = new double[places.length];
                Arrays.fill(busyHourDownloads, 0, size, Double.NaN);
            }
            places[size] = place;
            operators[size] = operator;
            technologies[size] = (byte) technology.ordinal();
            years[size] = year;
            monthDayHours[size] = (month << 16) | (day << 8) | hour;
            downloads[size] = download;
            plans[size] = plan;
            if (busyHourDownloads != null) {
                busyHourDownloads[size] = busyHourDownload;
            }
            size++;
        }

        /** Hands the rows, in order, to each aggregation. */
        void into(List<SpeedAggregation> aggregations) {
            for (SpeedAggregation aggregation : aggregations) {
                for (int i = 0; i < size; i++) {
                    Place place = places[i];
                    int monthDayHour = monthDayHours[i];
                    aggregation.add(
                            place.province(),
                            place.city(),
                            operators[i],
                            TECHNOLOGIES[technologies[i]],
                            years[i],
                            monthDayHour >>> 16,
                            (monthDayHour >>> 8) & 0xFF,
                            monthDayHour & 0xFF,
                            downloads[i],
                            plans[i],
                            busyHourDownloads == null ? Double.NaN : busyHourDownloads[i]);
                }
            }
        }
    }

    /** Texts already seen in one column, by their bytes: the string, technology or {@link #BAD} they gave. */
    static final class FieldCache {
        private static final int LIMIT = 1 << 12;

        private byte[][] keys = new byte[64][];
        private Object[] values = new Object[64];
        private int[] hashes = new int[64];
        private int size;

        static int hash(byte[] bytes, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            return h ^ (h >>> 16);
        }

        /** What the bytes gave before, or null. */
        Object get(byte[] bytes, int from, int to, int hash) {
            int mask = keys.length - 1;
            for (int i = hash & mask; keys[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == hash && Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to)) {
                    return values[i];
                }
            }
            return null;
        }

        /** Remembers what the bytes gave, up to a few thousand texts (a file of all-different names stays small). */
        void put(byte[] bytes, int from, int to, int hash, Object value) {
            if (size >= LIMIT) {
                return;
            }
            if ((size + 1) * 2 > keys.length) {
                byte[][] oldKeys = keys;
                Object[] oldValues = values;
                int[] oldHashes = hashes;
                keys = new byte[oldKeys.length * 2][];
                values = new Object[keys.length];
                hashes = new int[keys.length];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != null) {
                        place(oldKeys[i], oldHashes[i], oldValues[i]);
                    }
                }
            }
            place(Arrays.copyOfRange(bytes, from, to), hash, value);
            size++;
        }

        private void place(byte[] key, int hash, Object value) {
            int mask = keys.length - 1;
            int i = hash & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            hashes[i] = hash;
            values[i] = value;
        }
    }

    /** Reads the rows of one stretch into a tally and, for plain rows, straight into aggregations. */
    static final class Rows implements LineVisitor {
        private final CsvMeasurementReader.Header header;
        private final ImportSettings settings;
        private final ImportTally tally;
        private final LineCharset charset;
        /** Where accepted plain rows go without a {@link Measurement}; null to hand measurements to the tally. */
        private final SpeedAggregation[] aggregations;
        /** Where accepted plain rows go in a stretch read in parallel; null otherwise. */
        private final Batch batch;

        private final long lineBase;
        private final int width;
        private final int timeAt;
        private final int divisionAt;
        private final int operatorAt;
        private final int technologyAt;
        private final int downloadAt;
        private final int uploadAt;
        private final int latencyAt;
        private final int lossAt;
        private final int planAt;
        private final int[] starts;
        private final int[] ends;
        private final double[] ceilings;
        private final double maxLatency;
        private final long latest;
        private final Place defaultPlace;
        private final FieldCache divisions = new FieldCache();
        private final FieldCache operators = new FieldCache();
        private final FieldCache technologies = new FieldCache();
        private long number;
        private boolean numberRead;
        private int year;
        private int month;
        private int day;
        private int hour;
        private int minute;
        private int second;

        Rows(
                CsvMeasurementReader.Header header,
                ImportTally tally,
                LineCharset charset,
                List<SpeedAggregation> aggregations,
                Batch batch,
                long lineBase) {
            this.header = header;
            this.batch = batch;
            this.settings = tally.settings();
            this.tally = tally;
            this.charset = charset;
            this.aggregations = aggregations == null ? null : aggregations.toArray(SpeedAggregation[]::new);
            this.lineBase = lineBase;
            int[] position = header.position();
            this.width = header.width();
            this.timeAt = position[Column.TIME.ordinal()];
            this.divisionAt = position[Column.DIVISION.ordinal()];
            this.operatorAt = position[Column.OPERATOR.ordinal()];
            this.technologyAt = position[Column.TECHNOLOGY.ordinal()];
            this.downloadAt = position[Column.DOWNLOAD.ordinal()];
            this.uploadAt = position[Column.UPLOAD.ordinal()];
            this.latencyAt = position[Column.LATENCY.ordinal()];
            this.lossAt = position[Column.LOSS.ordinal()];
            this.planAt = position[Column.PLAN.ordinal()];
            this.starts = new int[width];
            this.ends = new int[width];
            PlausibilityLimits limits = settings.limits();
            this.ceilings = new double[Technology.values().length];
            for (Technology technology : Technology.values()) {
                Double ceiling = limits.ceilingMbps().get(technology);
                ceilings[technology.ordinal()] = ceiling == null ? Double.POSITIVE_INFINITY : ceiling;
            }
            this.maxLatency = limits.maxLatencyMs();
            this.defaultPlace = Place.of(settings.defaultDivision());
            LocalDateTime limit = tally.now().plus(limits.futureTolerance());
            this.latest = limit.getYear() > 9999
                    ? Long.MAX_VALUE
                    : limit.getYear() < 0
                            ? Long.MIN_VALUE
                            : encode(
                                    limit.getYear(),
                                    limit.getMonthValue(),
                                    limit.getDayOfMonth(),
                                    limit.getHour(),
                                    limit.getMinute(),
                                    limit.getSecond());
        }

        /** Reads the lines from {@code from} to {@code to}; returns how many there were. */
        long read(FileChannel channel, long from, long to) throws IOException {
            return lines(channel, from, to, this);
        }

        @Override
        public boolean tooLong(long offset) {
            number++;
            tally.reject(lineBase + number, "longer than " + TextLines.MAX_LINE_BYTES + " bytes", "");
            return true;
        }

        @Override
        public boolean line(byte[] bytes, int from, int to, long offset) {
            number++;
            int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
            if (from == end) {
                return true;
            }
            int fields = 0;
            boolean plain = true;
            int high = 0;
            starts[0] = from;
            for (int i = from; i < end; i++) {
                byte b = bytes[i];
                high |= b;
                if (b == ',') {
                    if (fields < width) {
                        ends[fields] = i;
                    }
                    fields++;
                    if (fields < width) {
                        starts[fields] = i + 1;
                    }
                } else if (b == '"') {
                    plain = false;
                }
            }
            if (fields < width) {
                ends[fields] = end;
            }
            fields++;
            if (high < 0) {
                Charset set = charset.at(offset, bytes, from, end);
                if (set == null) {
                    tally.reject(lineBase + number, "neither UTF-8 nor GBK text", "");
                    return true;
                }
                if (set != StandardCharsets.UTF_8) {
                    String text = strictly(set, bytes, from, end);
                    if (text == null) {
                        tally.reject(lineBase + number, "not " + set.name() + " text like the lines before it", "");
                    } else {
                        general(text);
                    }
                    return true;
                }
                if (!validUtf8(bytes, from, end)) {
                    tally.reject(lineBase + number, "not UTF-8 text like the lines before it", "");
                    return true;
                }
            }
            if (!plain || fields != width || !plainRow(bytes)) {
                general(new String(
                        bytes, from, end - from, high < 0 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII));
            }
            return true;
        }

        private void general(String text) {
            if (!text.isBlank()) {
                CsvMeasurementReader.row(new TextLines.Line(lineBase + number, text, null), header, tally);
            }
        }

        /** Reads a plain row from its bytes; false, having counted nothing, when the general way must decide. */
        private boolean plainRow(byte[] bytes) {
            if (!time(bytes, starts[timeAt], ends[timeAt])) {
                return false;
            }
            Place place = defaultPlace;
            if (divisionAt >= 0) {
                Object known = division(bytes, starts[divisionAt], ends[divisionAt]);
                if (known == BAD) {
                    return false;
                }
                place = (Place) known;
            }
            String operator = settings.defaultOperator();
            if (operatorAt >= 0) {
                operator = operator(bytes, starts[operatorAt], ends[operatorAt]);
            }
            Technology technology = settings.defaultTechnology();
            if (technologyAt >= 0) {
                Object known = technology(bytes, starts[technologyAt], ends[technologyAt]);
                if (known == BAD) {
                    return false;
                }
                technology = (Technology) known;
            }
            if (starts[downloadAt] == ends[downloadAt]) {
                return false;
            }
            double download = number(bytes, starts[downloadAt], ends[downloadAt]);
            if (!numberRead) {
                return false;
            }
            double upload = optional(bytes, uploadAt);
            if (!numberRead) {
                return false;
            }
            double latency = optional(bytes, latencyAt);
            if (!numberRead) {
                return false;
            }
            double loss = optional(bytes, lossAt);
            if (!numberRead) {
                return false;
            }
            double plan = optional(bytes, planAt);
            if (!numberRead) {
                return false;
            }
            // PlausibilityLimits.check, condition for condition; a row failing any goes there for its reason.
            boolean plausible = !(download <= 0)
                    && !(upload <= 0)
                    && !(download > ceilings[technology.ordinal()])
                    && !(latency <= 0 || latency > maxLatency)
                    && !(loss < 0 || loss > 1)
                    && encode(year, month, day, hour, minute, second) <= latest;
            if (plausible && batch != null) {
                tally.accepted();
                batch.add(place, operator, technology, year, month, day, hour, download, plan);
            } else if (plausible && aggregations != null) {
                tally.accepted();
                for (SpeedAggregation aggregation : aggregations) {
                    aggregation.add(
                            place.province(),
                            place.city(),
                            operator,
                            technology,
                            year,
                            month,
                            day,
                            hour,
                            download,
                            plan,
                            Double.NaN);
                }
            } else {
                tally.offer(
                        lineBase + number,
                        Measurement.of(
                                LocalDateTime.of(year, month, day, hour, minute, second),
                                place.division(),
                                operator,
                                technology,
                                download,
                                upload,
                                latency,
                                loss,
                                plan));
            }
            return true;
        }

        private double optional(byte[] bytes, int at) {
            if (at < 0 || starts[at] == ends[at]) {
                numberRead = true;
                return Double.NaN;
            }
            return number(bytes, starts[at], ends[at]);
        }

        // What Fields.decimal and a bare Fields.speed read, for [-+]digits[.digits] with at most 18 digits, no
        // more than 2^53 as an integer and at most 22 after the point: then m / 10^f is exact over exact and
        // rounds once, as Double.parseDouble does. Anything else (NA, 1e3, 2%, 100M, blanks) goes the general way.
        private double number(byte[] bytes, int from, int to) {
            numberRead = false;
            int i = from;
            boolean negative = false;
            if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
                negative = bytes[i] == '-';
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int decimals = 0;
            while (i < to && bytes[i] >= '0' && bytes[i] <= '9' && digits < 18) {
                mantissa = mantissa * 10 + (bytes[i++] - '0');
                digits++;
            }
            if (i < to && bytes[i] == '.') {
                i++;
                while (i < to && bytes[i] >= '0' && bytes[i] <= '9' && digits < 18) {
                    mantissa = mantissa * 10 + (bytes[i++] - '0');
                    digits++;
                    decimals++;
                }
            }
            if (digits == 0 || i != to || mantissa > 1L << 53 || decimals > 22) {
                return Double.NaN;
            }
            numberRead = true;
            double value = decimals == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[decimals];
            return negative ? -value : value;
        }

        // yyyy-MM-dd HH:mm[:ss] with - or / and a blank or T, a real date and time: what Fields.plainLocalTime
        // reads; anything else goes the general way.
        private boolean time(byte[] bytes, int from, int to) {
            int n = to - from;
            if (n != 19 && n != 16) {
                return false;
            }
            byte separator = bytes[from + 4];
            if ((separator != '-' && separator != '/')
                    || bytes[from + 7] != separator
                    || (bytes[from + 10] != ' ' && bytes[from + 10] != 'T')
                    || bytes[from + 13] != ':'
                    || (n == 19 && bytes[from + 16] != ':')) {
                return false;
            }
            int y = digits(bytes, from, 4);
            int mo = digits(bytes, from + 5, 2);
            int d = digits(bytes, from + 8, 2);
            int h = digits(bytes, from + 11, 2);
            int mi = digits(bytes, from + 14, 2);
            int s = n == 19 ? digits(bytes, from + 17, 2) : 0;
            if ((y | mo | d | h | mi | s) < 0
                    || mo < 1
                    || mo > 12
                    || d < 1
                    || d > lengthOfMonth(y, mo)
                    || h > 23
                    || mi > 59
                    || s > 59) {
                return false;
            }
            year = y;
            month = mo;
            day = d;
            hour = h;
            minute = mi;
            second = s;
            return true;
        }

        private static int digits(byte[] bytes, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        private static int lengthOfMonth(int year, int month) {
            return switch (month) {
                case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        /** A local time as one number that orders like the time (years 0 to 9999). */
        private static long encode(int year, int month, int day, int hour, int minute, int second) {
            return ((((year * 100L + month) * 100 + day) * 100 + hour) * 100 + minute) * 100 + second;
        }

        private Object division(byte[] bytes, int from, int to) {
            if (from == to) {
                return defaultPlace;
            }
            int hash = FieldCache.hash(bytes, from, to);
            Object known = divisions.get(bytes, from, to, hash);
            if (known == null) {
                String place = new String(bytes, from, to - from, StandardCharsets.UTF_8).strip();
                known = place.isEmpty()
                        ? defaultPlace
                        : DivisionCodes.normalise(place)
                                .map(code -> (Object) Place.of(code))
                                .orElse(BAD);
                divisions.put(bytes, from, to, hash, known);
            }
            return known;
        }

        private String operator(byte[] bytes, int from, int to) {
            if (from == to) {
                return settings.defaultOperator();
            }
            int hash = FieldCache.hash(bytes, from, to);
            Object known = operators.get(bytes, from, to, hash);
            if (known == null) {
                String name = new String(bytes, from, to - from, StandardCharsets.UTF_8).strip();
                known = name.isEmpty() ? settings.defaultOperator() : name;
                operators.put(bytes, from, to, hash, known);
            }
            return (String) known;
        }

        private Object technology(byte[] bytes, int from, int to) {
            if (from == to) {
                return settings.defaultTechnology();
            }
            int hash = FieldCache.hash(bytes, from, to);
            Object known = technologies.get(bytes, from, to, hash);
            if (known == null) {
                String name = new String(bytes, from, to - from, StandardCharsets.UTF_8).strip();
                known = name.isEmpty()
                        ? settings.defaultTechnology()
                        : Technology.parse(name).map(t -> (Object) t).orElse(BAD);
                technologies.put(bytes, from, to, hash, known);
            }
            return known;
        }
    }
}
