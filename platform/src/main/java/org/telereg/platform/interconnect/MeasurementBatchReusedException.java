package org.telereg.platform.interconnect;

import java.util.List;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** A batch id the organisation already used for a file with other bytes (HTTP 409 in the API). */
public class MeasurementBatchReusedException extends RejectedInputException {

    MeasurementBatchReusedException(String batchId) {
        super(List.of(new FieldProblem(
                "batchId",
                "interconnect.import.batchReused",
                new Object[] {batchId},
                "batch id " + batchId + " was already used for a different file")));
    }
}
