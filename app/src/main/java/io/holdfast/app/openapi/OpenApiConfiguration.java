package io.holdfast.app.openapi;

import io.holdfast.kernel.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document of Holdfast's REST API at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}): every endpoint with its bodies, the problem documents it can answer
 * with, the headers of the contract and both ways to sign in. Open to everyone, as it holds no data:
 * a liaison portal's team reads it before it has credentials.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the caller is taken from the signed-in request, never from a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI holdfastOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Holdfast")
                        .version("1")
                        .description(
                                "Account-freeze case management: cases from flag to release or turn-over, warrants,"
                                        + " four-eyes freezes, the audit trail, sanctions lists and screening. Every error is an"
                                        + " RFC 9457 problem (application/problem+json) naming the field or the rule."))
                // relative, so the document is the same whatever address Holdfast is reached at
                .servers(List.of(new Server().url("/").description("this Holdfast")))
                .components(new Components()
                        .addSecuritySchemes(
                                ContractParts.BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description(
                                                "the demo users of the embedded default (officer, supervisor, auditor, admin,"
                                                        + " liaison-fbi, liaison-hsi; password demo)"))
                        .addSecuritySchemes(
                                ContractParts.BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("a JWT naming the user, its role and a liaison's agency")))
                .addSecurityItem(new SecurityRequirement().addList(ContractParts.BEARER))
                .addSecurityItem(new SecurityRequirement().addList(ContractParts.BASIC));
    }

    @Bean
    OpenApiCustomizer holdfastContract() {
        return new ContractParts();
    }
}
