package org.telereg.platform.broadband;

import java.util.List;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** A batch id already used by the organisation for a file with other bytes (HTTP 409 in the API). */
public class BatchIdReusedException extends RejectedInputException {

    BatchIdReusedException(String batchId) {
        super(List.of(new FieldProblem(
                "batchId",
                "broadband.import.batchReused",
                new Object[] {batchId},
                "batch id " + batchId + " was already used for a different file")));
    }
}
