package org.chart2claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.vaadin.flow.component.WebComponentExporter;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import java.util.List;
import org.chart2claim.ui.VaadinScan;
import org.junit.jupiter.api.Test;

/**
 * Vaadin finds routes, layouts, error views and the app shell at start only in {@link VaadinScan}'s packages: a view
 * in a package left out would simply not exist on the server (the browserless tests find views on their own).
 */
class VaadinScanTest {

    private static final List<String> VAADIN_ANNOTATION_PACKAGES = List.of(
            "com.vaadin.flow.router",
            "com.vaadin.flow.server",
            "com.vaadin.flow.component.page",
            "com.vaadin.flow.theme");

    @Test
    void everyClassVaadinLooksForAtStartIsInAScannedPackage() {
        List<String> scanned =
                List.of(VaadinScan.class.getAnnotation(EnableVaadin.class).value());
        List<JavaClass> lookedFor = ArchitectureTest.MAIN.stream()
                .filter(VaadinScanTest::vaadinLooksFor)
                .toList();

        assertThat(lookedFor)
                .as("routes, layouts, error views and the app shell")
                .hasSizeGreaterThan(30)
                .allSatisfy(c -> assertThat(scanned)
                        .as(c.getName() + " lies in a package Vaadin scans (ui.VaadinScan)")
                        .anyMatch(p -> c.getPackageName().equals(p)
                                || c.getPackageName().startsWith(p + ".")));
    }

    private static boolean vaadinLooksFor(JavaClass type) {
        boolean annotated = type.getAnnotations().stream()
                .anyMatch(
                        a -> VAADIN_ANNOTATION_PACKAGES.contains(a.getRawType().getPackageName()));
        return annotated
                || type.isAssignableTo(HasErrorParameter.class)
                || type.isAssignableTo(AppShellConfigurator.class)
                || type.isAssignableTo(WebComponentExporter.class);
    }
}
