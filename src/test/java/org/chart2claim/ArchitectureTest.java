package org.chart2claim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * The package layout holds itself (docs/ARCHITECTURE.md): features depend downwards only, features on one
 * row never import each other, no cycles, and the domain is plain Java.
 *
 * <pre>
 * ui (shell)
 * appeal   assessment   authoring
 * billing
 * coding   payer
 * scenario claim
 * codebook
 * account
 * standard config
 * </pre>
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chart2claim");

    @Test
    void featuresDependDownwardsOnly() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("application")
                .definedBy("org.chart2claim")
                .layer("ui")
                .definedBy("org.chart2claim.ui..")
                .optionalLayer("appeal")
                .definedBy("org.chart2claim.appeal..")
                .optionalLayer("assessment")
                .definedBy("org.chart2claim.assessment..")
                .optionalLayer("authoring")
                .definedBy("org.chart2claim.authoring..")
                .layer("billing")
                .definedBy("org.chart2claim.billing..")
                .layer("coding")
                .definedBy("org.chart2claim.coding..")
                .layer("payer")
                .definedBy("org.chart2claim.payer..")
                .layer("scenario")
                .definedBy("org.chart2claim.scenario..")
                .layer("claim")
                .definedBy("org.chart2claim.claim..")
                .layer("codebook")
                .definedBy("org.chart2claim.codebook..")
                .layer("account")
                .definedBy("org.chart2claim.account..")
                .layer("standard")
                .definedBy("org.chart2claim.standard..")
                .layer("config")
                .definedBy("org.chart2claim.config..")
                .whereLayer("ui")
                .mayOnlyAccessLayers(
                        "appeal",
                        "assessment",
                        "authoring",
                        "billing",
                        "coding",
                        "payer",
                        "scenario",
                        "claim",
                        "codebook",
                        "account",
                        "standard",
                        "config")
                .whereLayer("appeal")
                .mayOnlyAccessLayers(
                        "billing", "coding", "payer", "scenario", "claim", "codebook", "account", "standard", "config")
                .whereLayer("assessment")
                .mayOnlyAccessLayers(
                        "billing", "coding", "payer", "scenario", "claim", "codebook", "account", "standard", "config")
                .whereLayer("authoring")
                .mayOnlyAccessLayers(
                        "billing", "coding", "payer", "scenario", "claim", "codebook", "account", "standard", "config")
                .whereLayer("billing")
                .mayOnlyAccessLayers(
                        "coding", "payer", "scenario", "claim", "codebook", "account", "standard", "config")
                .whereLayer("coding")
                .mayOnlyAccessLayers("scenario", "claim", "codebook", "account", "standard", "config")
                .whereLayer("payer")
                .mayOnlyAccessLayers("claim", "codebook", "account", "standard", "config")
                .whereLayer("scenario")
                .mayOnlyAccessLayers("codebook", "account", "standard", "config")
                .whereLayer("claim")
                .mayOnlyAccessLayers("codebook", "account", "standard", "config")
                .whereLayer("codebook")
                .mayOnlyAccessLayers("account", "standard", "config")
                .whereLayer("account")
                .mayOnlyAccessLayers("standard", "config")
                .whereLayer("standard")
                .mayNotAccessAnyLayer()
                .whereLayer("config")
                .mayNotAccessAnyLayer()
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("org.chart2claim.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void payerSeesClaimsOnlyNeverScenariosOrCoding() {
        noClasses()
                .that()
                .resideInAPackage("org.chart2claim.payer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.chart2claim.scenario..", "org.chart2claim.coding..")
                .check(MAIN);
    }

    @Test
    void claimDoesNotKnowThePayer() {
        noClasses()
                .that()
                .resideInAPackage("org.chart2claim.claim..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.chart2claim.payer..")
                .check(MAIN);
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses()
                .that(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.springframework..")
                .check(MAIN);
    }

    /** Annotated with one of these, a class is a Spring bean or entity, not domain. */
    static final java.util.List<Class<? extends java.lang.annotation.Annotation>> SPRING_MANAGED = java.util.List.of(
            Component.class,
            Service.class,
            org.springframework.stereotype.Repository.class,
            Configuration.class,
            Entity.class,
            ConfigurationProperties.class);

    /**
     * Everything but views ({@code ui}), REST controllers ({@code api}), Spring configuration, Spring-managed
     * beans (services, components, repositories, Spring extension points), entities and their nested types.
     */
    static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>("domain classes") {
        @Override
        public boolean test(JavaClass c) {
            String pkg = c.getPackageName();
            if (pkg.equals("org.chart2claim")
                    || pkg.startsWith("org.chart2claim.config")
                    || pkg.startsWith("org.chart2claim.ui")
                    || pkg.contains(".ui")
                    || pkg.contains(".api")
                    || pkg.contains(".security")) {
                return false;
            }
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            boolean springManaged = SPRING_MANAGED.stream().anyMatch(top::isAnnotatedWith)
                    || top.getRawInterfaces().stream()
                            .anyMatch(i -> i.getPackageName().startsWith("org.springframework"));
            return !springManaged;
        }
    };
}
