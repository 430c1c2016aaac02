package org.telereg.platform.insight;

import java.util.Optional;
import org.telereg.platform.access.DataScope;

/**
 * What a module knows about one phone number, shown as a panel of the number page (number 360). A
 * module extends the page by declaring a bean of this type; the page shows the panels in order.
 * Panels show personal data masked only: the page is a list view, not a full read.
 */
public interface NumberFacts {

    /**
     * The panel for the number as the scope may see it, or empty when the module has nothing to show.
     *
     * @param number an 11-digit mobile number or another national number, digits only, no prefix
     */
    Optional<NumberPanel> panel(DataScope scope, String number);
}
