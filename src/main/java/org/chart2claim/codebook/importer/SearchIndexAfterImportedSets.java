package org.chart2claim.codebook.importer;

import org.chart2claim.codebook.search.CodeSearchService;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the search service start after {@link ImportedCodeSetInstaller}: the index then opens directly
 * for the installed imported sets (found on disk after a restart) instead of opening the curated-only
 * index first, deleting the imported one and rebuilding it on every start.
 */
@Component
public class SearchIndexAfterImportedSets implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] installers = beanFactory.getBeanNamesForType(ImportedCodeSetInstaller.class, true, false);
        if (installers.length == 0) {
            return;
        }
        for (String name : beanFactory.getBeanNamesForType(CodeSearchService.class, true, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            String[] existing = definition.getDependsOn();
            String[] dependsOn =
                    existing == null ? new String[1] : java.util.Arrays.copyOf(existing, existing.length + 1);
            dependsOn[dependsOn.length - 1] = installers[0];
            definition.setDependsOn(dependsOn);
        }
    }
}
