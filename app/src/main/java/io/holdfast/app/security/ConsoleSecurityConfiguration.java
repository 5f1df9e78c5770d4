package io.holdfast.app.security;

import static org.springframework.http.HttpMethod.GET;

import io.holdfast.app.problem.ProblemWriter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The console's way in: people sign in once (the demo users' form on the embedded default, OpenID
 * Connect elsewhere) and hold a session, and the console's pages call the same API with it. Every
 * write sent with the session carries the CSRF token; the API's rules are those of {@link
 * SecurityConfiguration}, applied unchanged. Requests that carry their own credentials never reach
 * this chain and stay stateless.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    /** The session's cookie; only requests that carry it and no credentials of their own are the console's. */
    public static final String SESSION_COOKIE = "HOLDFAST_SESSION";

    static final String SIGN_IN = "/console/sign-in.html";
    static final String SIGN_IN_FORM = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";

    /** No inline script or style, nothing from elsewhere: a note holding markup is only ever text. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain holdfastConsole(
            HttpSecurity http,
            SecurityProperties properties,
            ProblemWriter problems,
            ObjectProvider<ClientRegistrationRepository> openIdProviders,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        boolean demoUsers = properties.demoUsers().enabled();
        ProblemSecurityHandlers apiHandlers =
                new ProblemSecurityHandlers(problems, demoUsers, new AllowedMethods(mappings));
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");

        http.securityMatcher(ConsoleSecurityConfiguration::isConsoleRequest)
                .httpBasic(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(apiHandlers, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), any -> true)
                        .accessDeniedHandler(apiHandlers))
                .logout(logout -> logout.logoutUrl(SIGN_OUT)
                        .logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies(SESSION_COOKIE))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(
                                    GET,
                                    "/",
                                    "/index.html",
                                    "/favicon.ico",
                                    "/console/assets/**",
                                    SIGN_IN,
                                    "/console/session",
                                    "/console/sign-in/methods",
                                    "/console/verify.html")
                            .permitAll();
                    requests.requestMatchers("/console", "/console/**").authenticated();
                    SecurityConfiguration.apiRules(requests);
                });
        if (demoUsers) {
            http.authenticationProvider(new DemoUserAuthenticationProvider())
                    .formLogin(form -> form.loginPage(SIGN_IN)
                            .loginProcessingUrl(SIGN_IN_FORM)
                            .defaultSuccessUrl("/console/cases.html", false)
                            .failureUrl(SIGN_IN + "?refused"));
        }
        ClientRegistrationRepository providers = openIdProviders.getIfAvailable();
        if (providers != null) {
            http.oauth2Login(login -> login.loginPage(SIGN_IN)
                    .defaultSuccessUrl("/console/cases.html", false)
                    .failureUrl(SIGN_IN + "?refused")
                    .authorizationEndpoint(
                            endpoint -> endpoint.authorizationRequestResolver(OpenIdActors.withProofKey(providers)))
                    .userInfoEndpoint(
                            userInfo -> userInfo.oidcUserService(OpenIdActors.userService(properties.jwt()))));
        }
        return http.build();
    }

    /**
     * The console's pages, and calls to the API made with its session: no Authorization header,
     * the session's cookie present.
     */
    static boolean isConsoleRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/") || path.equals("/index.html") || path.equals("/favicon.ico")) {
            return true;
        }
        if (path.equals("/console")
                || path.startsWith("/console/")
                || path.startsWith("/login/oauth2/")
                || path.startsWith("/oauth2/authorization/")) {
            return true;
        }
        return path.startsWith("/api/")
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && hasSessionCookie(request);
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(cookie -> SESSION_COOKIE.equals(cookie.getName()));
    }
}
