package org.chart2claim.account.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.chart2claim.account.ui.LoginView;
import org.chart2claim.config.ApiProblems;
import org.chart2claim.config.RequestBodyLimitFilter;
import org.chart2claim.config.RequestLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two doors: the REST API ({@code /api/**}) takes HTTP Basic with the same accounts and answers 401/403
 * as JSON; everything else is the Vaadin UI with its login view and annotation-based view access.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** API logins: the database accounts, with successful checks remembered briefly (see the class). */
    @Bean
    CachingApiAuthenticationManager apiAuthenticationManager(UserDetailsService users, PasswordEncoder encoder) {
        return CachingApiAuthenticationManager.forAccounts(
                users, encoder, CachingApiAuthenticationManager.DEFAULT_TTL, Clock.systemUTC());
    }

    /**
     * Failed logins through either door slow down their account and client address (docs/SECURITY.md), counted in
     * the database so that every server on it counts the same.
     */
    @Bean
    LoginThrottle loginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new LoginThrottle(LoginThrottle.Policy.STANDARD, Clock.systemUTC(), jdbc, transactions);
    }

    /** Logged-in browser sessions per user, so that disabling an account can end them at once. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimits limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, CachingApiAuthenticationManager apiAuthentication, LoginThrottle throttle)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(new ThrottlingAuthenticationManager(apiAuthentication, throttle))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // No WWW-Authenticate realm prompt for browsers: the API is for scripts.
                    if (e instanceof ThrottlingAuthenticationManager.TooManyAttemptsException tooMany) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
                        ApiProblems.write(
                                request, response, ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, tooMany.getMessage()));
                        return;
                    }
                    ApiProblems.write(
                            request, response, ApiProblems.of(HttpStatus.UNAUTHORIZED, "Authentication required"));
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> ApiProblems.write(
                        request,
                        response,
                        ApiProblems.of(HttpStatus.FORBIDDEN, "Your role may not use this endpoint."))))
                .csrf(csrf -> csrf.disable()) // stateless Basic auth: no session cookie to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfig::frameHeaders)
                .build();
    }

    /** Pages may be framed by the app itself only (clickjacking): both the old header and CSP. */
    static void frameHeaders(HeadersConfigurer<HttpSecurity> headers) {
        // Written before the request runs: Vaadin's pages are reached through a servlet forward, after which the
        // container completes the response past Spring Security's "write on commit" wrapper.
        headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
        headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
                .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    // Batch runs without a web server (import-codebooks) have no servlet context for Vaadin to secure.
    @ConditionalOnWebApplication
    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(
            HttpSecurity http,
            UserDetailsService users,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            SessionRegistry sessions)
            throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        // Feature stylesheets (META-INF/resources/css/*.css, loaded with @StyleSheet on views) are public like
        // styles.css. Error dispatches are not checked again: the original request already was, and a denied
        // error page would hide the real status.
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/css/**")
                        .permitAll())
                .authenticationManager(new ThrottlingAuthenticationManager(new ProviderManager(provider), throttle))
                .sessionManagement(
                        s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login"))
                .headers(SecurityConfig::frameHeaders);
        // Unknown paths reach Vaadin's router (its not-found page in the layout; the login page when logged out)
        // instead of Vaadin's default deny-all, which browsers show as a bare "HTTP ERROR 403".
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class).anyRequest(any -> any.authenticated()))
                .build();
    }
}
