package org.telereg.platform.filing;

import java.util.List;

/**
 * A subscription as the form or the API submits it, before it is checked.
 *
 * @param url the receiver's https URL
 * @param provinces province codes to receive changes of; empty for all
 * @param changes FilingChanged.Change names to receive; empty for all
 */
public record NewWebhook(String url, List<String> provinces, List<String> changes) {

    public NewWebhook {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
