package io.holdfast.app.security;

import io.holdfast.kernel.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * People signed in to the console through OpenID Connect, read with the very claims mapping that
 * reads the API's JWTs ({@link JwtActorConverter}): the same user, role and agency either way.
 */
final class OpenIdActors {

    private OpenIdActors() {}

    static OAuth2UserService<OidcUserRequest, OidcUser> userService(SecurityProperties.Jwt claims) {
        OidcUserService provider = new OidcUserService();
        JwtActorConverter converter = new JwtActorConverter(claims);
        return request -> {
            OidcUser user = provider.loadUser(request);
            OidcIdToken idToken = user.getIdToken();
            Map<String, Object> all = new HashMap<>(user.getClaims());
            Jwt asToken = new Jwt(
                    idToken.getTokenValue(),
                    idToken.getIssuedAt(),
                    idToken.getExpiresAt(),
                    Map.of("alg", "RS256"),
                    all);
            Actor actor = ((ActorAuthentication) converter.convert(asToken)).actor();
            return new SignedInPerson(actor, user);
        };
    }

    /** Authorization code with PKCE, for confidential clients too (RFC 9700 asks it of every client). */
    static OAuth2AuthorizationRequestResolver withProofKey(ClientRegistrationRepository providers) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(providers, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** A person signed in through OpenID Connect, as the domain's {@link Actor}. */
    static final class SignedInPerson extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final transient Actor actor;

        SignedInPerson(Actor actor, OidcUser user) {
            super(
                    List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())),
                    user.getIdToken(),
                    user.getUserInfo());
            this.actor = actor;
        }

        Actor actor() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.userId();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SignedInPerson person && person.actor.equals(actor) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return actor.hashCode();
        }
    }
}
