package org.telereg.platform.filing;

import java.time.Instant;
import java.util.List;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A webhook subscription as its owner sees it (never its secret).
 *
 * @param id the subscription's id
 * @param organisationName the subscribing organisation
 * @param url where the changes are POSTed
 * @param provinces the provinces whose changes are sent; empty for all
 * @param changes the kinds of change sent; empty for all
 * @param status ACTIVE or SUSPENDED
 * @param createdBy who subscribed
 * @param createdAt when
 * @param failingSince since when every delivery has failed, or null
 * @param suspendedAt when it was suspended, or null
 * @param pending deliveries still to be attempted
 * @param delivered deliveries the receiver accepted
 * @param failed deliveries given up on
 */
public record WebhookView(
        long id,
        String organisationName,
        String url,
        List<String> provinces,
        List<FilingChanged.Change> changes,
        String status,
        String createdBy,
        Instant createdAt,
        Instant failingSince,
        Instant suspendedAt,
        long pending,
        long delivered,
        long failed) {

    public WebhookView {
        provinces = List.copyOf(provinces);
        changes = List.copyOf(changes);
    }

    /** The provinces' names (广东省), in the order subscribed; a code no longer administered as itself. */
    public List<String> provinceNames() {
        return provinces.stream()
                .map(code -> {
                    try {
                        return ProvinceCode.of(code).name();
                    } catch (IllegalArgumentException e) {
                        return code;
                    }
                })
                .toList();
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
