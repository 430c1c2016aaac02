package org.telereg.platform.filing;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * What an upload of a hosted list did.
 *
 * @param status {@code UPLOADED} (now the provider's current list, checked at once);
 *     {@code ALREADY_UPLOADED} when the provider sent the same bytes before (nothing written, no check);
 *     {@code REJECTED} when any line was refused (nothing written)
 * @param upload the stored upload, null when rejected
 * @param charset the character set the file was read in, null when it could not be read
 * @param errors the refused lines (the first ones), each naming its column
 * @param check the check run over the new list, null unless uploaded
 */
public record HostedUploadResult(
        Status status, HostedUploadView upload, String charset, List<LineError> errors, HostingCheckResult check) {

    public enum Status {
        UPLOADED,
        ALREADY_UPLOADED,
        REJECTED
    }

    public HostedUploadResult {
        errors = List.copyOf(errors);
    }
}
