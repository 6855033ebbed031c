package org.chart2claim.codebook;

import java.util.List;

/**
 * Code sets to make active when the code books load, before anyone reads them (the importer's stored active
 * sets): an extension point a feature that stores sets provides, so {@link CodeBookService} is never read with the
 * curated books while an imported set is meant to be active.
 */
public interface StartupCodeSets {

    /**
     * The sets to install over the curated books. Must not read {@link CodeBookService} (it is loading).
     *
     * @param curated the curated books just loaded
     */
    List<CodeSet> setsToInstall(CodeBooks curated);
}
