package io.holdfast.app.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation of the contract shares, added to the document springdoc reads from the
 * handlers: the problem documents, the headers ({@code X-Correlation-Id}, {@code Idempotency-Key},
 * {@code ETag}, {@code Warning}, {@code Retry-After}) and examples from the README's seed case.
 */
final class ContractParts implements OpenApiCustomizer {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FLAG_EXAMPLE = """
            {"caseId": "CASE-1", "accountId": "ACC-88123",
             "subject": {"holderName": "Kim Sang Man", "walletAddresses": ["bc1qexample"]},
             "reason": {"type": "SANCTIONS_MATCH", "list": "OFAC-SDN", "listEntryId": "SDN-12345", "details": "wallet match"},
             "evidence": [{"description": "screening hit report",
                           "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}]}
            """;
    private static final String WARRANT_EXAMPLE = """
            {"warrantId": "W-1", "orderType": "SEIZURE_WARRANT",
             "issuingAuthority": "U.S. District Court for the District of Columbia", "requestingAgency": "FBI",
             "jurisdiction": "US-DC", "referenceNumber": "23-SW-0412", "issuedAt": "2026-01-01T00:00:00Z",
             "expiresAt": "2030-01-01T00:00:00Z", "scope": [{"asset": "USDT", "maxAmount": "3100000"}, {"asset": "BTC"}],
             "documentSha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}
            """;
    private static final String FREEZE_EXAMPLE = """
            {"requestId": "R-1", "warrantId": "W-1",
             "holdings": [{"asset": "USDT", "amount": "3050000.00"}, {"asset": "BTC", "amount": "49.5"}]}
            """;

    /**
     * Names for operations springdoc names after one of several handlers it merged into one (a read
     * with and without {@code minVersion}, JSON and CSV, the list file as body or as parts), or
     * numbers ({@code list_2}); the client generated from the document is read by these names.
     */
    private static final Map<String, String> OPERATION_IDS = Map.of(
            "GET /api/cases", "listCases",
            "GET /api/cases/{caseId}", "viewCase",
            "GET /api/cases/{caseId}/history", "caseHistory",
            "GET /api/audit/events", "auditEvents",
            "GET /api/warrants", "listWarrants",
            "GET /api/obligations", "listObligations",
            "GET /api/admin/backups", "listBackups",
            "POST /api/sanctions/lists", "importList");

    /** The document's sections, each a class of the generated client ({@code CasesApi}, ...), from springdoc's per-controller tags. */
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("case-command-controller", "Cases"),
            Map.entry("case-view-controller", "Cases"),
            Map.entry("case-list-controller", "Cases"),
            Map.entry("audit-controller", "Audit"),
            Map.entry("account-holdings-controller", "Accounts"),
            Map.entry("account-addresses-controller", "Accounts"),
            Map.entry("warrant-registry-controller", "Warrants"),
            Map.entry("obligations-controller", "Obligations"),
            Map.entry("sanctions-list-controller", "Sanctions lists"),
            Map.entry("sanctions-list-read-controller", "Sanctions lists"),
            Map.entry("screening-controller", "Screening"),
            Map.entry("projection-admin-controller", "Administration"),
            Map.entry("backup-controller", "Administration"));

    @SuppressWarnings("rawtypes")
    private Schema listFileParts;

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents()
                .addSchemas("Problem", problemSchema())
                .addHeaders(
                        "X-Correlation-Id",
                        new Header()
                                .description("the request's correlation id, in every log line"
                                        + " and on every event it caused")
                                .schema(new StringSchema()))
                .addHeaders(
                        "ETag",
                        new Header()
                                .description("the case's version after the write, or of the view read:"
                                        + " send it back as If-Match")
                                .schema(new StringSchema().example("\"3\"")))
                .addHeaders(
                        "Warning",
                        new Header()
                                .description("110 when a read waiting for minVersion answers with an"
                                        + " older view; 299 when a list was read without part of it")
                                .schema(new StringSchema()))
                .addHeaders(
                        "Retry-After",
                        new Header()
                                .description("seconds after which to ask again")
                                .schema(new IntegerSchema()))
                .addParameters(
                        "X-Correlation-Id",
                        new Parameter()
                                .in("header")
                                .name("X-Correlation-Id")
                                .required(false)
                                .description(
                                        "a correlation id of the caller's (letters, digits, . _ : -; up to 100); one is made"
                                                + " up when it is missing")
                                .schema(new StringSchema()))
                .addParameters(
                        "Idempotency-Key",
                        new Parameter()
                                .in("header")
                                .name("Idempotency-Key")
                                .required(false)
                                .description(
                                        "makes a retry safe: the same key and body get the first answer again for 24 hours;"
                                                + " the same key with another body is 422")
                                .schema(new StringSchema()));
        openApi.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
        // the CSV answer is text; the type of the handler that writes it is no part of the contract
        openApi.getComponents().getSchemas().remove("StreamingResponseBody");
        if (listFileParts != null) {
            openApi.getComponents().addSchemas("ListFileParts", listFileParts);
        }
        openApi.setTags(null);
        // an audit entry carries its event's payload and metadata as the JSON stored, not as text
        Schema<?> auditEntry = openApi.getComponents().getSchemas().get("AuditEntry");
        if (auditEntry != null) {
            auditEntry
                    .getProperties()
                    .put("payload", new ObjectSchema().description("the event as stored: plain JSON"));
            auditEntry
                    .getProperties()
                    .put("metadata", new ObjectSchema().description("the event's metadata as stored"));
        }
        ExactSchemas.apply(openApi);
        ParameterRules.apply(openApi);
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/X-Correlation-Id"));
        if (operation.getTags() != null) {
            operation.setTags(operation.getTags().stream()
                    .map(tag -> SECTIONS.getOrDefault(tag, tag))
                    .distinct()
                    .toList());
        }
        String operationId = OPERATION_IDS.get(method + " " + path);
        if (operationId != null) {
            operation.setOperationId(operationId);
        }
        // merged from a handler that takes it and one that does not: a read waits for it only when given
        operation.getParameters().stream()
                .filter(parameter -> "minVersion".equals(parameter.getName()))
                .forEach(parameter -> parameter.setRequired(false));
        if (path.equals("/api/sanctions/lists") && method == PathItem.HttpMethod.POST) {
            Content body = operation.getRequestBody().getContent();
            MediaType parts = body.get("multipart/form-data");
            listFileParts = parts.getSchema();
            parts.setSchema(new Schema<>().$ref("#/components/schemas/ListFileParts"));
            for (String type : new String[] {"application/xml", "text/xml", "text/csv", "application/octet-stream"}) {
                body.addMediaType(
                        type,
                        new MediaType()
                                .schema(
                                        new StringSchema()
                                                .format("binary")
                                                .description(
                                                        "the list file as OFAC publishes it: sdn.xml, SDN_ADVANCED.XML, CONS_ADVANCED.XML or sdn.csv")));
            }
            operation.getRequestBody().setRequired(true);
        }
        if (path.equals("/api/accounts/addresses") && method == PathItem.HttpMethod.POST) {
            Content csv = new Content();
            for (String type : new String[] {"text/csv", "text/plain"}) {
                csv.addMediaType(
                        type,
                        new MediaType()
                                .schema(new StringSchema()
                                        .description("CSV with a header: account_id,holder_name,currency,address[,kind]"
                                                + " (kind DEPOSIT or WITHDRAWAL), a row per address")));
            }
            operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody()
                    .required(true)
                    .content(csv));
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new Parameter().$ref("#/components/parameters/Idempotency-Key"));
        }
        boolean caseRead = path.startsWith("/api/cases/{caseId}");
        boolean waits =
                operation.getParameters().stream().anyMatch(parameter -> "minVersion".equals(parameter.getName()));
        ApiResponses responses = operation.getResponses();
        responses.forEach((code, response) -> {
            if (response.getContent() != null && response.getContent().get("text/csv") != null) {
                response.getContent()
                        .get("text/csv")
                        .setSchema(new StringSchema().description("CSV with a header line"));
            }
            if (response.getContent() != null && response.getContent().get("application/x-ndjson") != null) {
                response.getContent()
                        .get("application/x-ndjson")
                        .setSchema(new StringSchema()
                                .description(
                                        "JSON Lines: one AuditEntry per line, as the pages give it, oldest first"));
            }
            if (code.startsWith("2")) {
                response.addHeaderObject("X-Correlation-Id", header("X-Correlation-Id"));
                if (caseRead || (path.equals("/api/cases") && method == PathItem.HttpMethod.POST)) {
                    response.addHeaderObject("ETag", header("ETag"));
                }
                if (waits || path.equals("/api/sanctions/lists")) {
                    response.addHeaderObject("Warning", header("Warning"));
                }
            }
        });
        problem(responses, "400", "the request is not valid: the problem names each field and the rule it broke");
        problem(responses, "401", "no valid credentials");
        problem(responses, "403", "the caller's role may not do this");
        if (path.contains("{")) {
            problem(responses, "404", "nothing at this address, or a case the caller may not see");
        } else if (path.equals("/api/audit/ledger/checkpoints/latest")) {
            problem(responses, "404", "no checkpoint has been signed yet");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            problem(
                    responses,
                    "409",
                    "a rule refused it (the problem names the policy) or the same resource changed at"
                            + " the same moment");
            problem(responses, "413", "the body is larger than allowed");
            problem(responses, "415", "the body is not in a media type this operation takes");
        }
        if (method == PathItem.HttpMethod.POST) {
            problem(responses, "422", "the Idempotency-Key was used before with another request");
        }
        if (operation.getParameters().stream().anyMatch(parameter -> "If-Match".equals(parameter.getName()))) {
            problem(responses, "412", "the case is not at the version If-Match names");
        }
        problem(responses, "500", "Holdfast could not complete the request; nothing was recorded by it");
        ApiResponse unavailable = problem(
                responses,
                "503",
                "at capacity, or Axon Server cannot be reached: ask again after" + " Retry-After; nothing was done");
        unavailable.addHeaderObject("Retry-After", header("Retry-After"));
        example(operation, path, method);
    }

    private static ApiResponse problem(ApiResponses responses, String code, String description) {
        ApiResponse response = responses.computeIfAbsent(code, any -> new ApiResponse().description(description));
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        Content content =
                new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM)));
        response.setContent(content);
        return response;
    }

    private static Header header(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static void example(Operation operation, String path, PathItem.HttpMethod method) {
        if (method != PathItem.HttpMethod.POST
                || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        String example = switch (path) {
            case "/api/cases" -> FLAG_EXAMPLE;
            case "/api/cases/{caseId}/warrants" -> WARRANT_EXAMPLE;
            case "/api/cases/{caseId}/freeze-requests" -> FREEZE_EXAMPLE;
            default -> null;
        };
        if (json != null && example != null) {
            try {
                json.setExample(JSON.readValue(example, Map.class));
            } catch (JsonProcessingException broken) {
                throw new IllegalStateException("an example of the contract is not JSON", broken);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem document");
        problem.addProperty(
                        "type", new StringSchema().description("the kind of problem, such as /problems/rule-violated"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema().description("a sentence a compliance officer understands"))
                .addProperty("instance", new StringSchema())
                .addProperty("correlationId", new StringSchema())
                .addProperty(
                        "policy", new StringSchema().description("the rule that refused the request, when one did"))
                .addProperty(
                        "errors", new ArraySchema().items(fieldError).description("each field and the rule it broke"));
        return problem;
    }
}
