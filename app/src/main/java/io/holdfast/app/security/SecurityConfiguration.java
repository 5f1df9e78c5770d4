package io.holdfast.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.holdfast.app.framework.SecurityChainWithoutHandlerLookup;
import io.holdfast.app.problem.ProblemWriter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what (docs/DESIGN.md, "Who may do what"). Two ways in: JWTs from the organisation's
 * identity provider (whenever a JWT issuer, JWK set or public key is configured), and on the
 * embedded default the demo users over HTTP Basic. Every API path needs a rule here: one without
 * is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final String OFFICER = "OFFICER";
    private static final String SUPERVISOR = "SUPERVISOR";
    private static final String LIAISON = "LIAISON";
    private static final String AUDITOR = "AUDITOR";
    private static final String ADMIN = "ADMIN";

    @Bean
    WebSecurityCustomizer strictHeadersWithoutRegularExpressions() {
        return web -> web.httpFirewall(HeaderChecks.firewall());
    }

    /**
     * The rules below match on path patterns parsed once at start-up; without this bean each rule
     * asks Spring MVC's handler mappings at every request, which cost about 3 % of a request's CPU.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean rulesMatchedByPathPattern() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    static SecurityChainWithoutHandlerLookup securityChainWithoutHandlerLookup() {
        return new SecurityChainWithoutHandlerLookup();
    }

    @Bean
    SecurityFilterChain holdfastApi(
            HttpSecurity http,
            SecurityProperties properties,
            ProblemWriter problems,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        boolean demoUsers = properties.demoUsers().enabled();
        ProblemSecurityHandlers handlers =
                new ProblemSecurityHandlers(problems, demoUsers, new AllowedMethods(mappings));

        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .authorizeHttpRequests(SecurityConfiguration::apiRules);

        if (demoUsers) {
            http.authenticationProvider(new DemoUserAuthenticationProvider())
                    .httpBasic(basic -> basic.realmName("Holdfast").authenticationEntryPoint(handlers));
        }
        JwtDecoder verifier = jwtDecoder.getIfAvailable();
        if (verifier != null) {
            JwtDecoder decoder = new VerifiedTokens(verifier, Duration.ofMinutes(5), 10_000, Clock.systemUTC());
            http.oauth2ResourceServer(server -> server.bearerTokenResolver(HeaderChecks.bearerTokens())
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers)
                    .jwt(jwt ->
                            jwt.decoder(decoder).jwtAuthenticationConverter(new JwtActorConverter(properties.jwt()))));
        }
        return http.build();
    }

    /** Who may call which path: the same rules whether the caller signed in to the console or sent credentials. */
    static void apiRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                .requestMatchers("/actuator/**")
                .hasRole(ADMIN)
                .requestMatchers("/error")
                .permitAll()
                .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                // writes
                .requestMatchers(POST, "/api/cases")
                .hasAnyRole(OFFICER, SUPERVISOR, LIAISON)
                .requestMatchers(POST, "/api/cases/*/warrants")
                .hasAnyRole(OFFICER, SUPERVISOR, LIAISON)
                .requestMatchers(POST, "/api/cases/*/warrants/*/extension")
                .hasAnyRole(OFFICER, SUPERVISOR, LIAISON)
                .requestMatchers(POST, "/api/cases/*/obligations/*/report")
                .hasAnyRole(OFFICER, SUPERVISOR)
                .requestMatchers(POST, "/api/cases/*/freeze-requests")
                .hasAnyRole(OFFICER, SUPERVISOR)
                .requestMatchers(
                        POST, "/api/cases/*/freeze-requests/*/approval", "/api/cases/*/freeze-requests/*/rejection")
                .hasRole(SUPERVISOR)
                .requestMatchers(POST, "/api/cases/*/releases", "/api/cases/*/turnovers")
                .hasRole(SUPERVISOR)
                .requestMatchers(POST, "/api/cases/*/dismissal", "/api/cases/*/notes")
                .hasAnyRole(OFFICER, SUPERVISOR)
                // sanctions lists and screening
                .requestMatchers(POST, "/api/sanctions/lists")
                .hasAnyRole(OFFICER, SUPERVISOR, ADMIN)
                .requestMatchers(
                        POST, "/api/sanctions/lists/*/held/confirmation", "/api/sanctions/lists/*/held/withdrawal")
                .hasAnyRole(SUPERVISOR, ADMIN)
                .requestMatchers(PUT, "/api/accounts/*/addresses")
                .hasAnyRole(OFFICER, SUPERVISOR, ADMIN)
                .requestMatchers(POST, "/api/accounts/addresses", "/api/screening/runs")
                .hasAnyRole(OFFICER, SUPERVISOR, ADMIN)
                .requestMatchers(GET, "/api/accounts/*/addresses", "/api/sanctions/**", "/api/screening/**")
                .hasAnyRole(OFFICER, SUPERVISOR, AUDITOR, ADMIN)
                // administration
                .requestMatchers("/api/admin/**")
                .hasRole(ADMIN)
                // the ledger: its checkpoints, key and proofs carry hashes only
                .requestMatchers(POST, "/api/audit/ledger/checkpoints")
                .hasAnyRole(AUDITOR, ADMIN)
                .requestMatchers(GET, "/api/audit/ledger/verification")
                .hasAnyRole(AUDITOR, ADMIN)
                .requestMatchers(
                        GET,
                        "/api/audit/ledger/public-key",
                        "/api/audit/ledger/checkpoints",
                        "/api/audit/ledger/checkpoints/latest",
                        "/api/audit/ledger/proofs/inclusion",
                        "/api/audit/ledger/proofs/consistency")
                .hasAnyRole(OFFICER, SUPERVISOR, AUDITOR, LIAISON, ADMIN)
                // the audit trail across cases
                .requestMatchers(GET, "/api/audit/**")
                .hasAnyRole(OFFICER, SUPERVISOR, AUDITOR)
                // reads
                .requestMatchers(GET, "/api/**")
                .hasAnyRole(OFFICER, SUPERVISOR, AUDITOR, LIAISON)
                .requestMatchers("/api/**")
                .denyAll()
                .anyRequest()
                .authenticated();
    }
}
