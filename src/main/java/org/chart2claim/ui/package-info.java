/**
 * The shell: {@code MainLayout} (header and the navigation drawer built from each view's {@code @Menu},
 * filtered by access), the home page and the error pages. May import every
 * feature; nothing imports it (views find the layout through {@code @Layout}). {@code VaadinScan} lists the packages
 * where Vaadin looks for views at start.
 */
package org.chart2claim.ui;
