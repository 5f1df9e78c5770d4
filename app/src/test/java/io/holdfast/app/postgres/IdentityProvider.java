package io.holdfast.app.postgres;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * A real OpenID provider on loopback (Spring Authorization Server), the kind an organisation runs:
 * people sign in with a password form, the console is a confidential client that must send a PKCE
 * challenge, and the tokens carry Holdfast's claims (one role, and a liaison's agency). Started
 * without Spring Boot's application machinery, so none of Holdfast's start-up guards run for it.
 */
final class IdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "holdfast-console";
    static final String CLIENT_SECRET = "console-secret";

    /** Who may sign in: user, then role and agency claims. */
    static final Map<String, Map<String, Object>> PEOPLE = Map.of(
            "ada", Map.of("roles", "SUPERVISOR"),
            "lia", Map.of("roles", "LIAISON", "agency", "HSI"),
            "nobody", Map.of());

    private static final AtomicReference<String> REDIRECT = new AtomicReference<>();

    private final AnnotationConfigServletWebServerApplicationContext context;

    private IdentityProvider(AnnotationConfigServletWebServerApplicationContext context) {
        this.context = context;
    }

    /** Starts the provider; the console's address is given once Holdfast is up ({@link #redirectTo}). */
    static IdentityProvider start() {
        AnnotationConfigServletWebServerApplicationContext context =
                new AnnotationConfigServletWebServerApplicationContext(Provider.class);
        return new IdentityProvider(context);
    }

    String issuer() {
        return "http://localhost:" + context.getWebServer().getPort();
    }

    void redirectTo(int holdfastPort) {
        REDIRECT.set("http://localhost:" + holdfastPort + "/login/oauth2/code/holdfast");
    }

    @Override
    public void close() {
        context.close();
    }

    /** Not a {@code @Configuration}: Holdfast's component scan of {@code io.holdfast} must not find it. */
    @EnableWebMvc
    @EnableWebSecurity
    static class Provider {

        @Bean
        TomcatServletWebServerFactory webServer() {
            return new TomcatServletWebServerFactory(0);
        }

        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        @Bean
        ServletRegistrationBean<DispatcherServlet> dispatcherRegistration(DispatcherServlet servlet) {
            return new ServletRegistrationBean<>(servlet, "/");
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            InMemoryUserDetailsManager people = new InMemoryUserDetailsManager();
            PEOPLE.keySet()
                    .forEach(name -> people.createUser(User.withUsername(name)
                            .password("{noop}" + name + "-password")
                            .roles("PERSON")
                            .build()));
            return people;
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                private volatile InMemoryRegisteredClientRepository registered;

                private InMemoryRegisteredClientRepository registered() {
                    if (registered == null) {
                        registered = new InMemoryRegisteredClientRepository(
                                RegisteredClient.withId(UUID.randomUUID().toString())
                                        .clientId(CLIENT_ID)
                                        .clientSecret("{noop}" + CLIENT_SECRET)
                                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                                        .redirectUri(REDIRECT.get())
                                        .scope(OidcScopes.OPENID)
                                        .clientSettings(ClientSettings.builder()
                                                .requireProofKey(true)
                                                .requireAuthorizationConsent(false)
                                                .build())
                                        .build());
                    }
                    return registered;
                }

                @Override
                public void save(RegisteredClient client) {
                    registered().save(client);
                }

                @Override
                public RegisteredClient findById(String id) {
                    return registered().findById(id);
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return registered().findByClientId(clientId);
                }
            };
        }

        /** Holdfast's claims in the ID token and the access token alike. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> holdfastClaims() {
            return token -> PEOPLE.getOrDefault(token.getPrincipal().getName(), Map.of())
                    .forEach((claim, value) -> token.getClaims().claim(claim, value));
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The provider's user-info endpoint reads the access tokens it issued. */
        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> signingKeys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
