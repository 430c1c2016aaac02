package org.telereg.engine.sms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained SMS screening model: the keyword list it was trained with, the weights of a multinomial logistic
 * regression over hashed character n-grams, and the decision thresholds.
 *
 * <p>File format (gzip-compressed, big-endian): the 8 bytes {@code TRSMSM01}; int hash bits; float fraud
 * threshold; float ad weight in the fraud score; float ad threshold; 3 floats bias (normal, ad, fraud); int byte length and the UTF-8 text of the
 * keyword list (the {@link KeywordMatcher} file format); int description length and UTF-8 text; then {@code 3 ×
 * 2^bits} floats, the weights of bucket 0 for normal, ad, fraud, then bucket 1, and so on. Instances are
 * immutable and thread-safe.
 */
public final class SmsModel {

    private static final byte[] MAGIC = "TRSMSM01".getBytes(StandardCharsets.US_ASCII);
    private static final String STANDARD_MODEL = "sms-model.bin";
    static final int CLASSES = 3;
    static final int STRIDE = 4;
    // A weight is rounded to one of 2 * STEPS + 1 steps of its class's quantum.
    static final int STEPS = 127;
    static final int LANE_BITS = 12;
    static final long LANE_MASK = (1L << LANE_BITS) - 1;
    static final long LANE_BIAS = STEPS + 1;
    // Grams a lane can sum without carrying into the next: 16 * 255 < 2^12.
    static final int LANE_ADDS = 16;

    final int bits;
    final float fraudThreshold;
    final float adWeight;
    final float adThreshold;
    final float[] bias;
    // Bucket b's weights sit at b * STRIDE + class, each a multiple of its class's quantum (the weights are
    // rounded to 8-bit steps when a model is made, see quantum).
    final float[] weights;
    // The same weights in units of quantum, bucket b's three packed into lanes[b]: each biased by LANE_BIAS into
    // 1..255 and given 12 bits (the third the top 8 bits of the int), so that one add into a long sums a gram for
    // all three classes and 16 grams add up before a lane can carry into the next. 256 KB for 2^16 buckets:
    // half the 16-bit table's, so that it keeps its place in a core's level-2 cache when another process shares
    // the core; and integer sums come out the same in any order.
    final int[] lanes;
    final float[] quantum;
    final KeywordMatcher keywords;
    final String keywordList;
    final String description;
    // Keyword group g adds groupOffset[g * CLASSES + class] to the logits.
    final float[] groupOffset;

    SmsModel(
            int bits,
            float fraudThreshold,
            float adWeight,
            float adThreshold,
            float[] bias,
            float[] weights,
            String keywordList,
            String description) {
        if (bits < 8 || bits > 26 || weights.length != (STRIDE << bits) || bias.length != CLASSES) {
            throw new IllegalArgumentException("Inconsistent model dimensions");
        }
        this.bits = bits;
        this.fraudThreshold = fraudThreshold;
        this.adWeight = adWeight;
        this.adThreshold = adThreshold;
        this.bias = bias.clone();
        this.quantum = new float[CLASSES];
        this.weights = new float[weights.length];
        this.lanes = new int[1 << bits];
        for (int c = 0; c < CLASSES; c++) {
            quantum[c] = quantum(weights, c);
            for (int b = 0; b < (1 << bits); b++) {
                long steps = Math.round(weights[b * STRIDE + c] / quantum[c]);
                this.weights[b * STRIDE + c] = steps * quantum[c];
                lanes[b] |= (int) ((steps + LANE_BIAS) << (LANE_BITS * c));
            }
        }
        this.keywordList = keywordList;
        this.keywords = KeywordMatcher.parse(keywordList);
        this.description = description;
        this.groupOffset = groupOffsets(keywords);
    }

    /**
     * The step class {@code c}'s weights are rounded to: its largest weight becomes 127 steps. A gram's weight
     * then moves by at most half a step (0.4% of the largest), and a message's logit, which sums some 190 of them
     * over the square root of their number, by far less in practice as the errors have both signs; the
     * cross-validation in docs/sms-quality.md is measured with the rounded weights.
     */
    private static float quantum(float[] weights, int c) {
        float largest = 0;
        for (int i = c; i < weights.length; i += STRIDE) {
            largest = Math.max(largest, Math.abs(weights[i]));
        }
        return largest == 0 ? 1 : largest / STEPS;
    }

    static float[] groupOffsets(KeywordMatcher keywords) {
        float[] offsets = new float[keywords.groups().size() * CLASSES];
        for (int g = 0; g < keywords.groups().size(); g++) {
            KeywordGroup group = keywords.groups().get(g);
            offsets[g * CLASSES + group.category().ordinal()] = (float) group.weight();
        }
        return offsets;
    }

    /** The model shipped in the engine jar, trained on the Chinese and English corpora (see docs/sms-quality.md). */
    public static SmsModel standard() {
        return Holder.STANDARD;
    }

    /** Reads a model file. */
    public static SmsModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads a model from a stream in the file format; does not close it. */
    public static SmsModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(stream), 1 << 16));
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("Not a TeleReg SMS model (wrong magic bytes)");
        }
        int bits = in.readInt();
        if (bits < 8 || bits > 26) {
            throw new IOException("Corrupt SMS model: hash bits " + bits);
        }
        float fraudThreshold = in.readFloat();
        float adWeight = in.readFloat();
        float adThreshold = in.readFloat();
        float[] bias = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            bias[c] = in.readFloat();
        }
        String keywordList = readText(in);
        String description = readText(in);
        float[] weights = new float[STRIDE << bits];
        for (int b = 0; b < (1 << bits); b++) {
            for (int c = 0; c < CLASSES; c++) {
                weights[b * STRIDE + c] = in.readFloat();
            }
        }
        return new SmsModel(bits, fraudThreshold, adWeight, adThreshold, bias, weights, keywordList, description);
    }

    /** Writes the model in the file format. */
    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    /** Writes the model in the file format to a stream; does not close it. */
    public void write(OutputStream stream) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(stream, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.write(MAGIC);
        out.writeInt(bits);
        out.writeFloat(fraudThreshold);
        out.writeFloat(adWeight);
        out.writeFloat(adThreshold);
        for (float b : bias) {
            out.writeFloat(b);
        }
        writeText(out, keywordList);
        writeText(out, description);
        for (int b = 0; b < (1 << bits); b++) {
            for (int c = 0; c < CLASSES; c++) {
                out.writeFloat(weights[b * STRIDE + c]);
            }
        }
        out.flush();
        gzip.finish();
    }

    /** The keyword groups the model was trained with. */
    public KeywordMatcher keywords() {
        return keywords;
    }

    /**
     * Fraud score at or above which a message is called fraud; the score is {@code p(fraud) / (p(fraud) +
     * p(normal) + adWeight × p(ad))}.
     */
    public double fraudThreshold() {
        return fraudThreshold;
    }

    /** How much the probability of an ad counts against fraud in the fraud score, 0 to 1. */
    public double adWeight() {
        return adWeight;
    }

    /**
     * Share of the ad probability in ad plus normal, at or above which a message that is not fraud is called an
     * ad.
     */
    public double adThreshold() {
        return adThreshold;
    }

    /** What the model was trained on, as the trainer recorded it. */
    public String description() {
        return description;
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (64 << 20)) {
            throw new IOException("Corrupt SMS model: text of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static final class Holder {
        static final SmsModel STANDARD = load();

        private static SmsModel load() {
            try (InputStream in = SmsModel.class.getResourceAsStream(STANDARD_MODEL)) {
                if (in == null) {
                    throw new IllegalStateException(STANDARD_MODEL + " is missing from the engine jar");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + STANDARD_MODEL, e);
            }
        }
    }
}
