package org.chart2claim.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code chart2claim.limits.*}: how large a request body may be, and how many large bodies
 * are read at once (docs/SECURITY.md).
 *
 * @param apiBodyBytes         any API call except claim files (attempts, scenario claims): 1 MB
 * @param claimFileBytes       {@code POST /api/payer/claims} (837P interchanges, claim JSON): 32 MB
 * @param uploadBytes          every other request, including the admin's code-set uploads: 64 MB
 * @param largeBodiesAtOnce    requests with a body over 1 MB (or of unknown size) that are read in parallel
 * @param largeBodyWaitSeconds how long a further large request waits for its turn before a 503
 */
@ConfigurationProperties(prefix = "chart2claim.limits")
public record RequestLimits(
        long apiBodyBytes, long claimFileBytes, long uploadBytes, int largeBodiesAtOnce, int largeBodyWaitSeconds) {

    public static final long MB = 1024 * 1024;

    public RequestLimits {
        apiBodyBytes = apiBodyBytes > 0 ? apiBodyBytes : MB;
        claimFileBytes = claimFileBytes > 0 ? claimFileBytes : 32 * MB;
        uploadBytes = uploadBytes > 0 ? uploadBytes : 64 * MB;
        largeBodiesAtOnce = largeBodiesAtOnce > 0 ? largeBodiesAtOnce : 2;
        largeBodyWaitSeconds = largeBodyWaitSeconds > 0 ? largeBodyWaitSeconds : 30;
    }

    public static RequestLimits defaults() {
        return new RequestLimits(0, 0, 0, 0, 0);
    }
}
