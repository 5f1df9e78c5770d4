package io.holdfast.app.security;

import io.holdfast.kernel.Actor;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being served on this thread, if one is authenticated. */
public final class CurrentActor {

    private CurrentActor() {}

    public static Optional<Actor> get() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication
                ? Optional.of(authentication.actor())
                : Optional.empty();
    }
}
