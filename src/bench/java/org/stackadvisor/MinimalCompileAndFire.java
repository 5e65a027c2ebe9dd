package org.stackadvisor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.stackadvisor.internal.facts.Candidate;
import org.stackadvisor.internal.facts.ClaimWeights;
import org.stackadvisor.internal.facts.DecisionMargin;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.facts.Verdict;

/**
 * The floor of a cold start: the least a program must do to decide once with the same rules:
 * compile the DRL files and CSV decision tables of a folder, open a session, insert the input (the
 * candidates, the margin, the claims' weights and the terms, all given on the command line), fire,
 * print the verdict.
 * No manifest, validation, hashing, trace or JSON. {@code bench/coldstart} times it against
 * {@code java -jar target/stack-advisor.jar decide}.
 *
 * <p>{@code java -cp target/stack-advisor.jar:target/test-classes org.stackadvisor.MinimalCompileAndFire
 * rules 2 nodejs=Node.js,python=Python BACK-2=1>PF-T1,PF-T1=3,... traits=chat traits=real-time ...}: the weights
 * as {@code CLAIM=WEIGHT}, with {@code >SIGNAL} for a claim that restates another ({@code bench/coldstart}
 * reads them from the manifest with jq).
 */
public final class MinimalCompileAndFire {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private MinimalCompileAndFire() {
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        }
        Path rules = Path.of(args[0]);
        int margin = Integer.parseInt(args[1]);
        KieServices services = KieServices.Factory.get();
        KieFileSystem kfs = services.newKieFileSystem();
        List<Path> ruleFiles;
        try (Stream<Path> files = Files.list(rules)) {
            ruleFiles = files.filter(file -> file.toString().endsWith(".drl") || file.toString().endsWith(".csv"))
                    .sorted().collect(Collectors.toList());
        }
        String folder = "";
        for (Path file : ruleFiles) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher pkg = PACKAGE.matcher(text);
            if (pkg.find()) {
                folder = pkg.group(1).replace('.', '/') + "/";
            }
        }
        for (Path file : ruleFiles) {
            // A CSV decision table becomes DRL through Drools' spreadsheet compiler (as a DTABLE
            // resource it would need Apache POI, which the jar leaves out), beside the DRL files.
            String name = file.getFileName().toString();
            String drl = name.endsWith(".csv")
                    ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(Files.readAllBytes(file)), InputType.CSV)
                    : Files.readString(file, StandardCharsets.UTF_8);
            kfs.write("src/main/resources/" + folder + name + (name.endsWith(".csv") ? ".drl" : ""), drl);
        }
        KieBuilder builder = services.newKieBuilder(kfs).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            System.err.println(builder.getResults().getMessages(Message.Level.ERROR));
            System.exit(4);
        }
        KieSession session = services.newKieContainer(services.getRepository().getDefaultReleaseId()).newKieSession();
        try {
            for (String candidate : args[2].split(",")) {
                String[] idAndLabel = candidate.split("=", 2);
                session.insert(new Candidate(idAndLabel[0], idAndLabel[1]));
            }
            session.insert(new DecisionMargin(margin));
            Map<String, Integer> weights = new LinkedHashMap<>();
            Map<String, String> signals = new LinkedHashMap<>();
            for (String claim : args[3].split(",")) {
                String[] idAndWeight = claim.split("=", 2);
                String[] weightAndSignal = idAndWeight[1].split(">", 2);
                weights.put(idAndWeight[0], Integer.parseInt(weightAndSignal[0]));
                if (weightAndSignal.length == 2) {
                    signals.put(idAndWeight[0], weightAndSignal[1]);
                }
            }
            session.insert(new ClaimWeights(weights, signals));
            for (int i = 4; i < args.length; i++) {
                String[] fieldAndValue = args[i].split("=", 2);
                session.insert(new Term(fieldAndValue[0], fieldAndValue[1]));
            }
            session.fireAllRules();
            for (Object verdict : session.getObjects(new ClassObjectFilter(Verdict.class))) {
                System.out.println(((Verdict) verdict).getCandidate());
            }
        } finally {
            session.dispose();
        }
    }
}
