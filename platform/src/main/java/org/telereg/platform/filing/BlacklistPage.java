package org.telereg.platform.filing;

import java.util.List;

/**
 * One page of blacklist entries.
 *
 * @param entries the entries on this page
 * @param total how many entries match in all
 * @param page the page number, from 0
 * @param size the page size asked for
 */
public record BlacklistPage(List<BlacklistEntry> entries, long total, int page, int size) {

    public BlacklistPage {
        entries = List.copyOf(entries);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
