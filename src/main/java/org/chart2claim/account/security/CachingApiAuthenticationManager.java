package org.chart2claim.account.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chart2claim.account.AccountChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API is stateless HTTP Basic, so every request would otherwise pay a full BCrypt check (tens of
 * milliseconds by design). This remembers successful logins for a short time, keyed by the user name and
 * a salted SHA-256 of the password (the password itself is never kept). Failures are never cached, and a
 * password, role or enabled change drops the user's entries at once.
 *
 * <p>When an entry expires it is checked again against the account as stored now, without BCrypt: the entry
 * remembers which stored password hash the password matched, and a match against an unchanged hash stays a match.
 * So an unchanged, enabled account with the same roles is renewed with one account read, and any change (on this
 * server or another one sharing the database) goes through the full check. Without this, every API client paid a
 * BCrypt check every two minutes: 78% of the CPU samples of the 200-taker exam autosave bench
 * (docs/PERFORMANCE.md).
 */
public class CachingApiAuthenticationManager implements AuthenticationManager {

    static final Duration DEFAULT_TTL = Duration.ofMinutes(2);
    private static final int MAX_ENTRIES = 10_000;

    /**
     * {@code passwordHash} and {@code roles}: the stored hash the password matched and the account's roles then (null:
     * no renewal, the full check again). The roles are the account's own, not the result's: Spring Security adds a
     * factor authority (FACTOR_PASSWORD) to a password login that no stored account has.
     */
    private record Entry(
            String username, Authentication result, String passwordHash, Set<String> roles, Instant expires) {}

    private final AuthenticationManager delegate;
    private final UserDetailsService accounts;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /**
     * The API's check: the accounts' stored BCrypt hashes through Spring's DAO provider (its credentials are kept in
     * the result so this class can note the matched hash, then erased here), renewed from {@code accounts}.
     */
    public static CachingApiAuthenticationManager forAccounts(
            UserDetailsService accounts, PasswordEncoder encoder, Duration ttl, Clock clock) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        ProviderManager check = new ProviderManager(provider);
        check.setEraseCredentialsAfterAuthentication(false);
        return new CachingApiAuthenticationManager(check, accounts, ttl, clock);
    }

    /** Expired entries always take the full check again. */
    public CachingApiAuthenticationManager(AuthenticationManager delegate, Duration ttl, Clock clock) {
        this(delegate, null, ttl, clock);
    }

    /**
     * @param delegate the full check; it must leave the credentials in its result (this class erases them after
     *     noting the matched hash of a {@link UserDetails} principal)
     * @param accounts reads the account as stored now, to renew an expired entry without BCrypt (null: never)
     */
    public CachingApiAuthenticationManager(
            AuthenticationManager delegate, UserDetailsService accounts, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.accounts = accounts;
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
        if (cached != null && unchanged(cached)) {
            cache.put(
                    key,
                    new Entry(
                            cached.username(), cached.result(), cached.passwordHash(), cached.roles(), now.plus(ttl)));
            return cached.result();
        }
        Authentication result;
        try {
            result = delegate.authenticate(request);
        } catch (AuthenticationException e) {
            cache.remove(key); // bad credentials now: nothing cached, an expired entry is dropped
            throw e;
        }
        UserDetails account = result.getPrincipal() instanceof UserDetails user ? user : null;
        String hash = account == null ? null : account.getPassword();
        Set<String> accountRoles = account == null ? null : roles(account.getAuthorities());
        if (result instanceof CredentialsContainer container) {
            container.eraseCredentials(); // the password and the principal's hash leave memory, as the manager does
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(e -> !e.expires().isAfter(now));
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, new Entry(request.getName(), result, hash, accountRoles, now.plus(ttl)));
        return result;
    }

    /**
     * Whether the account still stands as it stood when the password matched: the same stored hash (so the same
     * password still matches), enabled, not locked or expired, and the same roles.
     */
    private boolean unchanged(Entry entry) {
        if (accounts == null || entry.passwordHash() == null) {
            return false;
        }
        UserDetails now;
        try {
            now = accounts.loadUserByUsername(entry.username());
        } catch (RuntimeException e) {
            return false; // gone or unreadable: the full check decides
        }
        return now != null
                && entry.passwordHash().equals(now.getPassword())
                && now.isEnabled()
                && now.isAccountNonLocked()
                && now.isAccountNonExpired()
                && now.isCredentialsNonExpired()
                && roles(now.getAuthorities()).equals(entry.roles());
    }

    private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<String> out = new HashSet<>();
        authorities.forEach(a -> out.add(a.getAuthority()));
        return out;
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
