package io.holdfast.app.console;

import io.holdfast.app.security.CurrentActor;
import io.holdfast.app.security.SecurityProperties;
import io.holdfast.kernel.Actor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in to the console, the token its pages send with every write, and the ways to sign
 * in: the pages are static files, so they learn these here.
 */
@RestController
class ConsoleSessionController {

    private final boolean password;
    private final ObjectProvider<InMemoryClientRegistrationRepository> openIdProviders;

    ConsoleSessionController(
            SecurityProperties security, ObjectProvider<InMemoryClientRegistrationRepository> openIdProviders) {
        this.password = security.demoUsers().enabled();
        this.openIdProviders = openIdProviders;
    }

    @GetMapping("/console/session")
    ResponseEntity<ConsoleSession> session(CsrfToken csrf) {
        Actor actor = CurrentActor.get().orElse(null);
        ConsoleSession session = new ConsoleSession(
                actor == null ? null : actor.userId(),
                actor == null ? null : actor.role().name(),
                actor == null || actor.agency() == null ? null : actor.agency().value(),
                csrf.getHeaderName(),
                csrf.getParameterName(),
                csrf.getToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(session);
    }

    @GetMapping("/console/sign-in/methods")
    ResponseEntity<SignInMethods> methods(CsrfToken csrf) {
        List<Provider> providers = new ArrayList<>();
        InMemoryClientRegistrationRepository registered = openIdProviders.getIfAvailable();
        if (registered != null) {
            for (ClientRegistration provider : registered) {
                String name =
                        provider.getClientName() == null ? provider.getRegistrationId() : provider.getClientName();
                providers.add(new Provider(name, "/oauth2/authorization/" + provider.getRegistrationId()));
            }
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new SignInMethods(password, providers, csrf.getParameterName(), csrf.getToken()));
    }

    /** The signed-in person (all null before signing in) and the CSRF token's header, field and value. */
    record ConsoleSession(
            String user, String role, String agency, String csrfHeader, String csrfParameter, String csrfToken) {}

    /** Whether the demo users' form is offered, the OpenID providers to sign in with, and the form's token. */
    record SignInMethods(boolean password, List<Provider> providers, String csrfParameter, String csrfToken) {}

    record Provider(String name, String href) {}
}
