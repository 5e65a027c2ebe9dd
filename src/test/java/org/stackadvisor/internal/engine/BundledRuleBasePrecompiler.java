package org.stackadvisor.internal.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;

/**
 * A build step, not a test: precompiles the bundled rule base into Drools' executable model.
 * Maven runs it (exec-maven-plugin, phase process-test-classes, so before the tests and before
 * {@code package}, also with {@code -DskipTests}) as
 * {@code BundledRuleBasePrecompiler rules target/classes}. It compiles the same rule texts as
 * {@link RuleBase#compile} (the DRL files and the decision tables' generated DRL, through
 * {@link RuleBase.Sources}), writes the generated model classes into the classes folder, registers
 * the model class as a {@code org.drools.model.Model} service, and writes {@link PrecompiledRuleBase#DESCRIPTOR} with the rule files' SHA-256 and each rule's
 * {@link RuleInfo}. It lives in the test sources so that the code generator (drools-model-codegen,
 * javaparser, the MVEL compiler) never becomes a dependency of the library.
 */
public final class BundledRuleBasePrecompiler {
    /** Beside the classes folder (not in the jar): the class files the last run wrote, so that a rerun removes them. */
    private static final String CLASS_LIST = "bundled-rules-precompiled-classes.txt";

    /** Where PrecompiledRuleBase finds the model classes, through java.util.ServiceLoader. */
    static final String SERVICES = "META-INF/services/org.drools.model.Model";

    private BundledRuleBasePrecompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BundledRuleBasePrecompiler RULES_FOLDER CLASSES_FOLDER");
            System.exit(2);
        }
        try {
            precompile(Path.of(args[0]), Path.of(args[1]));
        } catch (InvalidRuleBaseException e) {
            e.problems().forEach(problem -> System.err.println(problem));
            System.exit(4);
        }
    }

    /** Precompiles the rule base in {@code rules} into {@code classes}; returns how many classes it wrote. */
    static int precompile(Path rules, Path classes) throws IOException {
        RuleBaseFiles files = RuleBaseFiles.fromDirectory(rules);
        List<Problem> problems = new ArrayList<>();
        List<RuleText> texts = RuleText.all(files, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleBaseException(problems);
        }
        KieServices services = KieServices.Factory.get();
        RuleBase.Sources sources = RuleBase.Sources.of(services, files, texts);
        KieBuilder builder = services.newKieBuilder(sources.fileSystem).buildAll(ExecutableModelProject.class);
        sources.requireNoErrors(builder);
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<String> models = new ArrayList<>();
        Map<String, byte[]> classFiles = new TreeMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model")) {
                // One model class per line, after a "Drools-Model-Version:..." header line.
                new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                        .map(String::trim).filter(line -> !line.isEmpty() && !line.contains(":")).forEach(models::add);
            } else if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
                classFiles.put(name, module.getBytes(name));
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("Drools generated no executable model for " + rules);
        }
        KieBase kieBase;
        try {
            kieBase = services.newKieContainer(sources.releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(sources.releaseId);
        }
        Properties descriptor = PrecompiledRuleBase.describe(files.sha256(), models,
                RuleBase.ruleInfos(kieBase, sources.rules), RuleOrder.of(sources.rules.values()));

        Path classList = classes.toAbsolutePath().getParent().resolve(CLASS_LIST);
        if (Files.exists(classList)) {
            for (String previous : Files.readAllLines(classList, StandardCharsets.UTF_8)) {
                Files.deleteIfExists(classes.resolve(previous));
            }
        }
        for (Map.Entry<String, byte[]> classFile : classFiles.entrySet()) {
            Path target = classes.resolve(classFile.getKey());
            Files.createDirectories(target.getParent());
            writeAtomically(target, classFile.getValue());
        }
        writeAtomically(classList, String.join("\n", classFiles.keySet()).getBytes(StandardCharsets.UTF_8));
        Path serviceFile = classes.resolve(SERVICES);
        Files.createDirectories(serviceFile.getParent());
        writeAtomically(serviceFile, (String.join("\n", models) + "\n").getBytes(StandardCharsets.UTF_8));
        StringWriter text = new StringWriter();
        descriptor.store(text, null);
        // Properties.store writes the date as a comment line and the entries in hash order; without the
        // date and sorted, the same rules give the same file.
        List<String> lines = new ArrayList<>(text.toString().lines().filter(line -> !line.startsWith("#")).toList());
        lines.sort(null);
        String sorted = "# The bundled rule base, precompiled to Drools' executable model by BundledRuleBasePrecompiler\n"
                + String.join("\n", lines) + "\n";
        Path descriptorFile = classes.resolve(PrecompiledRuleBase.DESCRIPTOR);
        Files.createDirectories(descriptorFile.getParent());
        writeAtomically(descriptorFile, sorted.getBytes(StandardCharsets.UTF_8));
        return classFiles.size();
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".precompiled-", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
