package org.stackadvisor.cli;

import org.stackadvisor.StackAdvisor;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool's version and the Drools version it was built with, both recorded by the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"stack-advisor " + StackAdvisor.toolVersion(), "Drools " + StackAdvisor.droolsVersion(),
            "Java " + System.getProperty("java.version")};
    }

    static String ruleBaseLine(StackAdvisor advisor) {
        return advisor.knowledgeBaseName() + " " + advisor.knowledgeBaseVersion() + " sha256:" + advisor.knowledgeBaseSha256();
    }
}
