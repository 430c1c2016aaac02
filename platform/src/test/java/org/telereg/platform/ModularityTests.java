package org.telereg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of the platform: who may use whom, and what each module says it is. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(TeleRegApplication.class);

    /** Where the Documenter writes by default under Maven. */
    private static final Path DOCUMENTATION = Path.of("target", "spring-modulith-docs");

    @Test
    void modulesUseEachOtherOnlyThroughTheirApi() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresAChineseAndEnglishDisplayNameInItsPackageInfo() throws ClassNotFoundException {
        for (var module : MODULES) {
            String identifier = module.getIdentifier().toString();
            ApplicationModule declared = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(declared)
                    .as("@ApplicationModule on package-info.java of module %s", identifier)
                    .isNotNull();
            // "<中文名> <identifier>": the diagrams and the canvas show both languages.
            assertThat(declared.displayName())
                    .as("display name of module %s", identifier)
                    .matches("\\p{IsHan}+ " + identifier);
            assertThat(module.getDisplayName()).isEqualTo(declared.displayName());
        }
    }

    @Test
    void everyModuleSaysWhatItOwnsInTheJavadocOfItsPackageInfo() throws IOException {
        for (var module : MODULES) {
            Path packageInfo = Path.of("src/main/java")
                    .resolve(module.getBasePackage().getName().replace('.', '/'))
                    .resolve("package-info.java");
            String source = Files.readString(packageInfo, StandardCharsets.UTF_8);
            assertThat(source)
                    .as("%s starts with a Javadoc sentence", packageInfo)
                    .startsWith("/**")
                    .containsPattern("/\\*\\*\\s*(\\*\\s*)?\\S[^.]*[.。]");
        }
    }

    @Test
    void writesTheModuleDocumentationWithOneDiagramAndCanvasPerModule() throws IOException {
        deleteRecursively(DOCUMENTATION);

        new Documenter(MODULES).writeDocumentation();

        assertThat(DOCUMENTATION.resolve("all-docs.adoc")).isNotEmptyFile();
        assertThat(DOCUMENTATION.resolve("components.puml")).isNotEmptyFile();
        for (var module : MODULES) {
            String identifier = module.getIdentifier().toString();
            assertThat(DOCUMENTATION.resolve("module-" + identifier + ".puml")).isNotEmptyFile();
            assertThat(DOCUMENTATION.resolve("module-" + identifier + ".adoc")).isNotEmptyFile();
        }
        assertThat(DOCUMENTATION.resolve("components.puml"))
                .content(StandardCharsets.UTF_8)
                .contains("审计日志 audit", "市场主体 entity");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
