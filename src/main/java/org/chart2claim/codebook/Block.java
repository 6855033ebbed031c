package org.chart2claim.codebook;

/**
 * A block (section) of categories inside a chapter, e.g. {@code E08-E13} "Diabetes mellitus".
 *
 * @param range     first and last category; also the block's id
 * @param title     block title without the range
 * @param chapterId the {@link Chapter#id()} it belongs to
 * @param notes     block-level instructional notes (inherited by its codes)
 */
public record Block(String range, String title, String chapterId, InstructionalNotes notes) {
    public Block {
        notes = notes == null ? InstructionalNotes.NONE : notes;
    }
}
