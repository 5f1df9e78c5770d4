package io.holdfast.app.openapi;

import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.PageRequest;
import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.kernel.freezecase.CaseAttention;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * The rules of the query and path parameters, stated in the contract: the handlers take every
 * parameter as text and parse it themselves (so a bad one is a 400 naming it), which springdoc
 * reads as a plain optional string. A page is a whole number from 0, a size 1 to 200, a version or
 * a tree size a whole number, an instant RFC 3339 text, a status one of its values; the proofs'
 * sizes and an address lookup's address are required.
 */
final class ParameterRules {

    private ParameterRules() {}

    static void apply(OpenAPI openApi) {
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getParameters() == null) {
                        return;
                    }
                    for (Parameter parameter : operation.getParameters()) {
                        if (parameter.getName() == null) {
                            continue;
                        }
                        Schema<?> schema = schemaFor(path, parameter.getName());
                        if (schema != null) {
                            parameter.setSchema(schema);
                        }
                        if (required(path, parameter.getName())) {
                            parameter.setRequired(true);
                        }
                    }
                }));
    }

    private static Schema<?> schemaFor(String path, String name) {
        boolean proofs = path.startsWith("/api/audit/ledger/proofs/");
        return switch (name) {
            case "page" -> whole(0).description("the page, counted from 0");
            case "size" ->
                whole(1).maximum(BigDecimal.valueOf(PageRequest.MAX_SIZE)).description("items per page");
            case "minVersion" ->
                whole(0).description(
                                path.equals("/api/cases/{caseId}")
                                        ? "the case version to wait for; not with asOf (a 400 names minVersion)"
                                        : "the case version to wait for");
            case "version" -> whole(1);
            case "ledgerIndex", "since" -> whole(name.equals("since") ? 1 : 0);
            case "treeSize" -> whole(1);
            case "from", "to" -> proofs ? whole(1) : new DateTimeSchema();
            case "asOf", "flaggedFrom", "flaggedTo", "expiringBefore", "dueBefore" -> new DateTimeSchema();
            case "publicationDate" -> new DateSchema();
            case "incompleteRemarks" -> new StringSchema()._enum(java.util.List.of("accept"));
            case "status" -> statusOf(path);
            case "attention" ->
                new StringSchema()
                        ._enum(Arrays.stream(CaseAttention.Need.values())
                                .map(Enum::name)
                                .toList());
            default -> null;
        };
    }

    private static boolean required(String path, String name) {
        return Map.of(
                                "ledgerIndex", "/api/audit/ledger/proofs/inclusion",
                                "treeSize", "/api/audit/ledger/proofs/inclusion",
                                "address", "/api/sanctions/entries")
                        .getOrDefault(name, "")
                        .equals(path)
                || (path.equals("/api/audit/ledger/proofs/consistency") && (name.equals("from") || name.equals("to")));
    }

    private static Schema<?> statusOf(String path) {
        if (path.equals("/api/cases")) {
            return new StringSchema()
                    ._enum(Arrays.stream(CaseStatus.values()).map(Enum::name).toList());
        }
        if (path.equals("/api/obligations")) {
            return new StringSchema()
                    ._enum(Arrays.stream(ObligationStatus.values())
                            .map(Enum::name)
                            .toList());
        }
        return null;
    }

    private static IntegerSchema whole(long minimum) {
        IntegerSchema schema = new IntegerSchema();
        schema.setFormat("int64");
        schema.setMinimum(BigDecimal.valueOf(minimum));
        return schema;
    }
}
