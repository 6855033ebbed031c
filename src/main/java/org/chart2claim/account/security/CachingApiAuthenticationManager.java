package org.chart2claim.account.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chart2claim.account.AccountChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The API is stateless HTTP Basic, so every request would otherwise pay a full BCrypt check (tens of
 * milliseconds by design). This remembers successful logins for a short time, keyed by the user name and
 * a salted SHA-256 of the password (the password itself is never kept). Failures are never cached, and a
 * password, role or enabled change drops the user's entries at once.
 */
public class CachingApiAuthenticationManager implements AuthenticationManager {

    static final Duration DEFAULT_TTL = Duration.ofMinutes(2);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String username, Authentication result, Instant expires) {}

    private final AuthenticationManager delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CachingApiAuthenticationManager(AuthenticationManager delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request instanceof UsernamePasswordAuthenticationToken)
                || !(request.getCredentials() instanceof String password)
                || request.getName() == null) {
            return delegate.authenticate(request);
        }
        String key = request.getName().toLowerCase() + ':' + digest(password);
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.result();
        }
        Authentication result = delegate.authenticate(request); // throws on bad credentials: nothing cached
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(e -> !e.expires().isAfter(now));
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, new Entry(request.getName(), result, now.plus(ttl)));
        return result;
    }

    @EventListener
    public void onAccountChanged(AccountChangedEvent event) {
        cache.values().removeIf(e -> e.username().equalsIgnoreCase(event.username()));
    }

    int size() {
        return cache.size();
    }

    private String digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
