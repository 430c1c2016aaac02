package org.telereg.streaming;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.telereg.engine.fraud.BadRecord;
import org.telereg.engine.fraud.CallRecord;
import org.telereg.engine.fraud.CdrFormatException;
import org.telereg.engine.fraud.CdrRow;
import org.telereg.engine.fraud.CdrRowParser;
import org.telereg.engine.fraud.SmsRecord;

/**
 * Turns lines of a calls or SMS input, as UTF-8 bytes, into events with the engine's {@link CdrRowParser}; a bad
 * line goes to {@link #REJECTED} and the {@code badRecords} counter, a header line (top of a replayed file) is
 * skipped after checking that it orders the columns as configured.
 */
final class ParseLines extends ProcessFunction<byte[], SubscriberEvent> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<Rejected> REJECTED = new OutputTag<>("rejected") {};

    private final String input;
    private final boolean calls;
    private final String header;

    private transient CdrRowParser parser;
    private transient Counter badRecords;

    /**
     * @param input {@code calls} or {@code sms}
     * @param header the header whose column order the lines follow
     */
    ParseLines(String input, String header) throws CdrFormatException {
        this.input = input;
        this.calls = input.equals("calls");
        this.header = header;
        parser(); // refuses a bad header when the job is built, not when it runs
    }

    private CdrRowParser parser() throws CdrFormatException {
        return calls ? CdrRowParser.calls(input, header) : CdrRowParser.sms(input, header);
    }

    @Override
    public void open(OpenContext context) throws Exception {
        parser = parser();
        badRecords = getRuntimeContext().getMetricGroup().counter("badRecords");
    }

    @Override
    public void processElement(byte[] line, Context context, Collector<SubscriberEvent> out) {
        if (parser.isHeader(line, 0, line.length)) {
            if (!parser.hasColumnsOf(line, 0, line.length)) {
                throw new IllegalStateException("a " + input + " file has the header '"
                        + new String(line, StandardCharsets.UTF_8).strip()
                        + "', which orders the columns otherwise than the configured '" + header + "'");
            }
            return;
        }
        CdrRow row = parser.parse(line, 0, line.length);
        if (row instanceof CallRecord call) {
            out.collect(SubscriberEvent.of(call));
        } else if (row instanceof SmsRecord sms) {
            out.collect(SubscriberEvent.of(sms));
        } else if (row instanceof BadRecord bad) {
            badRecords.inc();
            context.output(REJECTED, new Rejected(Rejected.BAD, input, bad.problem(), bad.text()));
        }
    }
}
