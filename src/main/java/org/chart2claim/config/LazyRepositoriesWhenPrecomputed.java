package org.chart2claim.config;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.data.repository.Repository;

/**
 * Keeps the repositories lazy in the production jar's precomputed start ({@link PrecomputedStart}).
 *
 * <p>{@code spring.data.jpa.repositories.bootstrap-mode=lazy} has two halves: the repository beans are lazy, and
 * every place a repository is injected gets a proxy that creates it on first use. Spring Data installs the second
 * half while it registers the repositories, which the precomputed start skips (the registrations were written at
 * build time), so every service would create its repositories, and wait for Hibernate, on the start's main thread
 * (a sixth of it, measured in docs/PERFORMANCE.md). This puts the injection proxies back; without the precomputed
 * start nothing changes.
 */
@Configuration(proxyBeanMethods = false)
public class LazyRepositoriesWhenPrecomputed {

    @Bean
    static BeanFactoryPostProcessor lazyRepositoryInjectionPoints() {
        return beanFactory -> {
            if (AotDetector.useGeneratedArtifacts() && beanFactory instanceof DefaultListableBeanFactory factory) {
                factory.setAutowireCandidateResolver(new LazyRepositoryResolver());
            }
        };
    }

    /** As {@code @Lazy} on every injected repository. */
    static final class LazyRepositoryResolver extends ContextAnnotationAutowireCandidateResolver {
        @Override
        protected boolean isLazy(DependencyDescriptor descriptor) {
            return super.isLazy(descriptor) || Repository.class.isAssignableFrom(descriptor.getDependencyType());
        }
    }
}
