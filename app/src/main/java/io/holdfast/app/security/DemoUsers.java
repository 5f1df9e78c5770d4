package io.holdfast.app.security;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.Role;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The embedded default's demo users, one or two per role, each with the password {@code demo}. */
final class DemoUsers {

    static final String PASSWORD = "demo";

    static final List<Actor> ALL = List.of(
            Actor.of("officer", Role.OFFICER),
            Actor.of("officer2", Role.OFFICER),
            Actor.of("supervisor", Role.SUPERVISOR),
            Actor.of("supervisor2", Role.SUPERVISOR),
            Actor.of("auditor", Role.AUDITOR),
            Actor.of("admin", Role.ADMIN),
            Actor.liaison("liaison-fbi", AgencyCode.of("FBI")),
            Actor.liaison("liaison-hsi", AgencyCode.of("HSI")));

    static Map<String, Actor> byUserId() {
        return ALL.stream().collect(Collectors.toUnmodifiableMap(Actor::userId, Function.identity()));
    }

    private DemoUsers() {}
}
