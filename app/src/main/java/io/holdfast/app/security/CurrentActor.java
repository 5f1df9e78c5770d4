package io.holdfast.app.security;

import io.holdfast.kernel.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being served on this thread, if one is authenticated. */
public final class CurrentActor {

    private CurrentActor() {}

    public static Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ActorAuthentication signedIn) {
            return Optional.of(signedIn.actor());
        }
        if (authentication != null && authentication.getPrincipal() instanceof OpenIdActors.SignedInPerson person) {
            return Optional.of(person.actor());
        }
        return Optional.empty();
    }
}
