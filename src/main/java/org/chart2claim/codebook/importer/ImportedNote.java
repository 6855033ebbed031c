package org.chart2claim.codebook.importer;

/** One line of a Tabular instructional note, e.g. an Excludes1 entry or a 7th-character definition. */
public record ImportedNote(NoteType type, String text) {

    /** The Tabular note kinds, named as the XML elements. */
    public enum NoteType {
        INCLUDES("includes"),
        INCLUSION_TERM("inclusionTerm"),
        EXCLUDES1("excludes1"),
        EXCLUDES2("excludes2"),
        CODE_FIRST("codeFirst"),
        USE_ADDITIONAL_CODE("useAdditionalCode"),
        CODE_ALSO("codeAlso"),
        NOTES("notes"),
        SEVEN_CHR_NOTE("sevenChrNote"),
        /** text is {@code "<char>\t<meaning>"}, e.g. {@code "A\tinitial encounter for closed fracture"}. */
        SEVEN_CHR_DEF("sevenChrDef");

        private final String elementName;

        NoteType(String elementName) {
            this.elementName = elementName;
        }

        public String elementName() {
            return elementName;
        }

        public static NoteType fromElement(String name) {
            for (NoteType type : values()) {
                if (type.elementName.equals(name)) {
                    return type;
                }
            }
            return null;
        }
    }
}
