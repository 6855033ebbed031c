package org.chart2claim.claim.x12;

/**
 * Malformed or unsupported X12: carries the segment tag and its position (1-based count of segments in the
 * interchange, ISA = 1) plus the element position, so the caller can answer "segment CLM #14, element 2: ...".
 */
public class X12FormatException extends Exception {
    private final String segmentTag;
    private final int segmentPosition;
    private final int elementPosition;
    private final String reason;

    public X12FormatException(String segmentTag, int segmentPosition, int elementPosition, String reason) {
        super(describe(segmentTag, segmentPosition, elementPosition, reason));
        this.segmentTag = segmentTag;
        this.segmentPosition = segmentPosition;
        this.elementPosition = elementPosition;
        this.reason = reason;
    }

    private static String describe(String tag, int segmentPosition, int elementPosition, String reason) {
        StringBuilder sb = new StringBuilder("X12 error");
        if (tag != null && !tag.isEmpty()) {
            sb.append(" in segment ").append(tag);
        }
        if (segmentPosition > 0) {
            sb.append(" (segment #").append(segmentPosition).append(')');
        }
        if (elementPosition > 0) {
            sb.append(", element ").append(elementPosition);
        }
        return sb.append(": ").append(reason).toString();
    }

    public String segmentTag() {
        return segmentTag;
    }

    public int segmentPosition() {
        return segmentPosition;
    }

    public int elementPosition() {
        return elementPosition;
    }

    public String reason() {
        return reason;
    }
}
