package io.morsel.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /api/docs}, browsable at {@code /api/docs/ui}. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Morsel API", version = "v1",
		description = "Microlearning and micro-credentials. Authenticate with a personal access token "
				+ "(POST /api/v1/tokens, or the API tokens page) sent as 'Authorization: Bearer <token>'. "
				+ "Errors are RFC 9457 problem details."),
		security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
class ApiDocumentation {
}
