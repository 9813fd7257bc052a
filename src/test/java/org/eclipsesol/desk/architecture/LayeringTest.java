package org.eclipsesol.desk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps the layering true: features depend on each other in one order without cycles; the SLA engine is plain
 * Java; adapters (api) never touch entities (data); entities know nothing of adapters or services; services know
 * nothing of adapters.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eclipsesol.desk");

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("org.eclipsesol.desk.(*)..").should().beFreeOfCycles()
                .because("features depend on each other in one order (see docs/architecture.md); a lower feature "
                        + "reaches a higher one only through CDI events or interfaces it owns")
                .check(CLASSES);
    }

    @Test
    void slaEngineImportsOnlyTheJdk() {
        classes().that().resideInAPackage("..sla.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..sla.engine..")
                .because("the SLA engine is plain Java: no Quarkus, Jakarta, Hibernate or Jackson")
                .check(CLASSES);
    }

    @Test
    void adaptersNeverTouchEntities() {
        noClasses().that().resideInAPackage("org.eclipsesol.desk..api..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipsesol.desk..data..")
                .because("REST resources and GraphQL APIs are thin adapters over the service layer")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnAdapters() {
        noClasses().that().resideInAPackage("org.eclipsesol.desk..app..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipsesol.desk..api..")
                .check(CLASSES);
    }

    @Test
    void entitiesDoNotDependOnServicesOrAdapters() {
        noClasses().that().resideInAPackage("org.eclipsesol.desk..data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipsesol.desk..app..", "org.eclipsesol.desk..api..")
                .check(CLASSES);
    }

    @Test
    void persistenceIsUsedOnlyByServicesAndEntities() {
        noClasses().that().resideInAnyPackage("org.eclipsesol.desk..api..", "..catalog..", "..engine..")
                // The GraphQL error translator recognises a lost optimistic-lock race, like ProblemMappers does for REST.
                .and().doNotHaveSimpleName("GraphQLErrorsInterceptor")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(CLASSES);
    }
}
