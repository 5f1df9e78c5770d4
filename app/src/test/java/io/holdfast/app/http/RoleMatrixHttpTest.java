package io.holdfast.app.http;

import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.noteBody;
import static io.holdfast.app.http.Api.warrantBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/DESIGN.md's "Who may do what", for every write and every demo user: a role that may not issue a
 * command gets 403 whatever the case; a role that may is never refused for its role.
 */
class RoleMatrixHttpTest extends HttpApiSupport {

    private static final List<String> USERS = List.of("officer", "supervisor", "liaison-fbi", "auditor", "admin");

    /** write → the users whose role may issue it. */
    private static final Map<String, Set<String>> PERMITTED = Map.ofEntries(
            Map.entry("flag", Set.of("officer", "supervisor", "liaison-fbi")),
            Map.entry("warrant", Set.of("officer", "supervisor", "liaison-fbi")),
            Map.entry("extension", Set.of("officer", "supervisor", "liaison-fbi")),
            Map.entry("freeze-request", Set.of("officer", "supervisor")),
            Map.entry("approval", Set.of("supervisor")),
            Map.entry("rejection", Set.of("supervisor")),
            Map.entry("release", Set.of("supervisor")),
            Map.entry("turnover", Set.of("supervisor")),
            Map.entry("dismissal", Set.of("officer", "supervisor")),
            Map.entry("note", Set.of("officer", "supervisor")));

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        PERMITTED.keySet().stream()
                .sorted()
                .forEach(write -> USERS.forEach(user -> cells.add(Arguments.of(write, user))));
        return cells.stream();
    }

    @ParameterizedTest(name = "{1} → {0}")
    @MethodSource("matrix")
    void eachRoleMayIssueExactlyItsCommands(String write, String user) {
        String caseId = newCaseId();
        // an FBI law-enforcement case with an FBI warrant, frozen, with a second request pending
        api.fbiCaseFrozenWithAPendingRequest(caseId);

        Response response = switch (write) {
            case "flag" -> api.as(user).post("/api/cases", Api.lawEnforcementFlagBody(newCaseId(), "FBI"));
            case "warrant" -> api.as(user).post("/api/cases/" + caseId + "/warrants", warrantBody("W-2", "FBI"));
            case "extension" ->
                api.as(user)
                        .post(
                                "/api/cases/" + caseId + "/warrants/W-1/extension",
                                "{\"newExpiresAt\": \""
                                        + java.time.Instant.now().plus(java.time.Duration.ofDays(200))
                                        + "\", \"authorityReference\": \"EXT\", \"documentSha256\": \"" + "e".repeat(64)
                                        + "\"}");
            case "freeze-request" ->
                api.as(user)
                        .post(
                                "/api/cases/" + caseId + "/freeze-requests",
                                "{\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}]}");
            case "approval" -> api.as(user).post("/api/cases/" + caseId + "/freeze-requests/R-2/approval", "{}");
            case "rejection" ->
                api.as(user).post("/api/cases/" + caseId + "/freeze-requests/R-2/rejection", "{\"reason\": \"no\"}");
            case "release" ->
                api.as(user)
                        .post(
                                "/api/cases/" + caseId + "/releases",
                                "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}], \"reason\": \"ORDER_LIFTED\", \"authorityReference\": \"A\"}");
            case "turnover" ->
                api.as(user)
                        .post(
                                "/api/cases/" + caseId + "/turnovers",
                                "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}], \"destination\": \"USMS\", \"authorityReference\": \"A\"}");
            case "dismissal" -> {
                String dismissible = newCaseId();
                Api.expect(api.as("officer").post("/api/cases", Api.lawEnforcementFlagBody(dismissible, "FBI")), 201);
                yield api.as(user).post("/api/cases/" + dismissible + "/dismissal", "{\"reason\": \"no\"}");
            }
            case "note" -> api.as(user).post("/api/cases/" + caseId + "/notes", noteBody("n"));
            default -> throw new IllegalArgumentException(write);
        };

        if (PERMITTED.get(write).contains(user)) {
            assertThat(response.status())
                    .as(user + " " + write + ": " + response)
                    .isBetween(200, 299)
                    .isNotEqualTo(403);
        } else {
            assertThat(response.status())
                    .as(user + " " + write + ": " + response)
                    .isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "anonymous → {0}")
    @MethodSource("writes")
    void nobodyWritesWithoutCredentials(String path) {
        assertThat(api.call().post(path, flagBody("X")).status()).isEqualTo(401);
    }

    static Stream<String> writes() {
        return Stream.of(
                "/api/cases",
                "/api/cases/C/warrants",
                "/api/cases/C/warrants/W/extension",
                "/api/cases/C/obligations/R/report",
                "/api/cases/C/freeze-requests",
                "/api/cases/C/freeze-requests/R/approval",
                "/api/cases/C/freeze-requests/R/rejection",
                "/api/cases/C/releases",
                "/api/cases/C/turnovers",
                "/api/cases/C/dismissal",
                "/api/cases/C/notes");
    }
}
