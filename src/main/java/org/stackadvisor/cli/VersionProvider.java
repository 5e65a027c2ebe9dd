package org.stackadvisor.cli;

import org.stackadvisor.StackAdvisor;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool's and the bundled rule base's versions. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"stack-advisor " + StackAdvisor.toolVersion()};
    }

    static String ruleBaseLine(StackAdvisor advisor) {
        return advisor.knowledgeBaseName() + " " + advisor.knowledgeBaseVersion() + " sha256:" + advisor.knowledgeBaseSha256();
    }
}
