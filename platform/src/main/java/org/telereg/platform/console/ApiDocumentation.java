package org.telereg.platform.console;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: what operator systems integrate against. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI teleRegApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("TeleReg API 信息通信监管平台接口")
                        .version("v1")
                        .description("Operator systems authenticate with an API token issued in the console "
                                + "(Authorization: Bearer trg_…) and see only their own enterprise's records. "
                                + "Errors are RFC 9457 application/problem+json with a field-level errors list.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("API token issued at /console/access/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
