package org.chart2claim.codebook.search;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BytesRef;
import org.chart2claim.codebook.CodeSystem;

/** The {@link CodeIndexFields#HIT} doc value: the fields of a {@link CodeHit} joined by a unit separator. */
final class HitValue {

    /** ASCII unit separator: a control character, so never part of a code, title or version. */
    private static final char SEPARATOR = '\u001f';

    private HitValue() {}

    static BytesRef encode(CodeSystem system, String code, String title, boolean billable, String version) {
        String joined = String.join(
                String.valueOf(SEPARATOR), system.name(), code, clean(title), billable ? "1" : "0", clean(version));
        return new BytesRef(joined.getBytes(StandardCharsets.UTF_8));
    }

    static CodeHit decode(BytesRef value, float score) {
        String[] parts = value.utf8ToString().split(String.valueOf(SEPARATOR), -1);
        return new CodeHit(CodeSystem.valueOf(parts[0]), parts[1], parts[2], parts[3].equals("1"), score, parts[4]);
    }

    private static String clean(String text) {
        return text.replace(SEPARATOR, ' ');
    }
}
