-- Official code sets imported from the annual CMS/NCHS release files (issue 6). The sets themselves live
-- under <data-dir>/codesets/<set_id>.c2c.gz; this records which versions exist and which one is active.
CREATE TABLE codeset_import (
    set_id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    code_system      VARCHAR(16)   NOT NULL,
    set_version      VARCHAR(32)   NOT NULL,
    release_year     INT           NOT NULL,
    label            VARCHAR(200)  NOT NULL,
    source_files     VARCHAR(2000) NOT NULL,
    entry_count      INT           NOT NULL,
    billable_count   INT           NOT NULL,
    index_term_count INT           NOT NULL,
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by      VARCHAR(100)  NOT NULL
);

-- One row per code system whose active set is not the shipped curated book ('CURATED' = shipped book).
CREATE TABLE codeset_active (
    code_system VARCHAR(16) NOT NULL PRIMARY KEY,
    set_id      VARCHAR(64) NOT NULL
);
