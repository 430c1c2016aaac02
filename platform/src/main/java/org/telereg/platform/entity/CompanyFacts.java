package org.telereg.platform.entity;

import java.util.Optional;
import org.telereg.platform.access.DataScope;

/**
 * What another module knows about a company, shown as a panel of the company page (entity 360). A
 * module extends the page by declaring a bean of this type; the page shows the panels in order.
 */
public interface CompanyFacts {

    /** The panel for the company as the scope may see it, or empty when the module has nothing to show. */
    Optional<CompanyPanel> panel(DataScope scope, String creditCode);
}
