package org.telereg.streaming;

import java.nio.charset.StandardCharsets;
import org.telereg.engine.fraud.CdrFormatException;
import org.telereg.engine.fraud.CdrLineReader;
import org.telereg.engine.fraud.CdrRowParser;

/** Fills batches from lines in the calls or SMS schema, through the engine's reader, as {@link ParseBlocks} does. */
final class Batches {

    private Batches() {}

    /** Adds each calls line (schema order) to {@code batch}: by subscriber, or as IMEI uses. */
    static CdrBatch calls(CdrBatch batch, boolean imeiUses, String... lines) {
        CdrLineReader reader = reader(CdrRowParser.callsHeader(), true);
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            if (reader.read(b, 0, b.length) != CdrLineReader.Line.CALL) {
                throw new IllegalArgumentException(reader.problem() + ": " + line);
            }
            long key = reader.subscriberKey();
            String token = key == 0 ? reader.subscriberText() : null;
            if (imeiUses) {
                batch.addImeiUse(reader, key, token, reader.imeiKey() == 0 ? reader.imeiText() : null);
            } else {
                batch.addCall(reader, key, token);
            }
        }
        return batch;
    }

    /** Adds each SMS line (schema order) to {@code batch}. */
    static CdrBatch sms(CdrBatch batch, String... lines) {
        CdrLineReader reader = reader(CdrRowParser.smsHeader(), false);
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            if (reader.read(b, 0, b.length) != CdrLineReader.Line.SMS) {
                throw new IllegalArgumentException(reader.problem() + ": " + line);
            }
            long key = reader.subscriberKey();
            batch.addSms(reader, key, key == 0 ? reader.subscriberText() : null);
        }
        return batch;
    }

    private static CdrLineReader reader(String header, boolean calls) {
        try {
            return (calls ? CdrRowParser.calls("test", header) : CdrRowParser.sms("test", header)).reader();
        } catch (CdrFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
