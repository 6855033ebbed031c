package org.chart2claim.billing.eligibility;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The X12 service type codes (EQ01 / EB03) our payers answer for, with their 005010 names. */
public final class ServiceTypes {
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("30", "Health benefit plan coverage");
        NAMES.put("1", "Medical care");
        NAMES.put("98", "Professional (physician) visit - office");
        NAMES.put("33", "Chiropractic");
        NAMES.put("4", "Diagnostic X-ray");
        NAMES.put("5", "Diagnostic lab");
        NAMES.put("86", "Emergency services");
        NAMES.put("2", "Surgical");
        NAMES.put("MH", "Mental health");
    }

    private ServiceTypes() {}

    public static boolean known(String code) {
        return code != null && NAMES.containsKey(code.trim().toUpperCase(Locale.ROOT));
    }

    public static String name(String code) {
        return code == null ? "" : NAMES.getOrDefault(code.trim().toUpperCase(Locale.ROOT), code);
    }

    public static Map<String, String> all() {
        return Map.copyOf(NAMES);
    }

    public static String codes() {
        return String.join(", ", NAMES.keySet());
    }
}
