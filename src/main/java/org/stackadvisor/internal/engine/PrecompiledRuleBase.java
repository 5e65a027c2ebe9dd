package org.stackadvisor.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled rule base as the build precompiled it into Drools' executable model, so that a cold
 * start loads Java classes instead of compiling DRL (about 60 % of a cold {@code decide}).
 *
 * <p>The build (BundledRuleBasePrecompiler in the test sources, run by Maven before {@code
 * package}) compiles the same rule texts as {@link RuleBase#compile}, writes the generated model
 * classes beside the library's own, registers the model class in {@code
 * META-INF/services/org.drools.model.Model} (so that it is found without loading a class by a name
 * read from a file), and writes {@link #DESCRIPTOR}: the SHA-256 of the rule files
 * it compiled, the model classes, what each rule cites ({@link RuleInfo}) and the order the agenda
 * takes the rules in ({@link RuleOrder}), both computed by the same code as at run time. It is used only when that SHA-256 is the one of the bundled rule files
 * read now; otherwise (a stale or foreign descriptor, or the model classes missing) the caller
 * compiles the DRL, as for any other rule base, and a warning says why.
 */
final class PrecompiledRuleBase {
    static final String DESCRIPTOR = "org/stackadvisor/bundled-rules.precompiled";
    static final String SHA256 = "sha256";
    static final String MODELS = "models";
    static final String RULES = "rules";
    static final String AGENDA_ORDER = "agendaOrder";

    /** {@code -Dstackadvisor.precompiledRules=true|false} overrides {@link #SERVING_BY_DEFAULT}. */
    static final String SERVING_PROPERTY = "stackadvisor.precompiledRules";

    /**
     * On: the trace leaves out the executable model's generated declarations and orders the
     * others by name ({@link TraceRecorder}), so a precompiled rule base decides byte for byte as
     * the same rules compiled from DRL (PrecompiledRuleBaseTest checks every example).
     */
    static final boolean SERVING_BY_DEFAULT = true;

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledRuleBase.class);

    private PrecompiledRuleBase() {
    }

    /** Whether the bundled advisor serves the precompiled rule base (when there is a current one). */
    static boolean serving() {
        String property = System.getProperty(SERVING_PROPERTY);
        return property == null || property.isBlank() ? SERVING_BY_DEFAULT : Boolean.parseBoolean(property.trim());
    }

    /** The precompiled form of {@code files}, if the class path holds one made from exactly these files. */
    static Optional<RuleBase.Compiled> load(RuleBaseFiles files) {
        ClassLoader loader = PrecompiledRuleBase.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties descriptor = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                descriptor.load(reader);
            }
            return load(descriptor, files, loader);
        } catch (IOException e) {
            LOG.warn("the precompiled rule base cannot be read ({}); compiling the bundled rules", e.getMessage());
            return Optional.empty();
        }
    }

    /** The rule base a descriptor describes, if it was made from {@code files}. */
    static Optional<RuleBase.Compiled> load(Properties descriptor, RuleBaseFiles files, ClassLoader loader) {
        String sha256 = files.sha256();
        if (!sha256.equals(descriptor.getProperty(SHA256))) {
            LOG.warn("the precompiled rule base was made from other rule files (sha256 {}, the bundled ones are {});"
                    + " compiling the bundled rules", descriptor.getProperty(SHA256), sha256);
            return Optional.empty();
        }
        List<String> names = List.of(descriptor.getProperty(MODELS, "").split(","));
        List<Model> models = new ArrayList<>();
        try {
            // The build registers the model classes as services of the jar; the descriptor picks ours.
            ServiceLoader.load(Model.class, loader).stream()
                    .filter(provider -> names.contains(provider.type().getName()))
                    .forEach(provider -> models.add(provider.get()));
        } catch (ServiceConfigurationError | LinkageError e) {
            LOG.warn("the precompiled rule base cannot be loaded ({}); compiling the bundled rules", e.toString());
            return Optional.empty();
        }
        if (models.size() != names.size()) {
            LOG.warn("the precompiled rule base names model classes {} but the class path offers {} of them;"
                    + " compiling the bundled rules", names, models.size());
            return Optional.empty();
        }
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models);
        RuleOrder.apply(kieBase, agendaOrder(descriptor));
        return Optional.of(new RuleBase.Compiled(kieBase, ruleInfos(descriptor)));
    }

    /**
     * The descriptor's entries for what each rule cites and for the {@linkplain RuleOrder agenda
     * order}; {@link #ruleInfos(Properties)} and {@link #agendaOrder(Properties)} read them back.
     */
    static Properties describe(String sha256, List<String> modelClasses, Map<String, RuleInfo> rules, List<String> agendaOrder) {
        Properties descriptor = new Properties();
        descriptor.setProperty(SHA256, sha256);
        descriptor.setProperty(MODELS, String.join(",", modelClasses));
        descriptor.setProperty(RULES, Integer.toString(rules.size()));
        int index = 0;
        for (RuleInfo rule : rules.values()) {
            String key = "rule." + index++ + ".";
            descriptor.setProperty(key + "name", rule.name);
            descriptor.setProperty(key + "section", rule.section);
            descriptor.setProperty(key + "claims", String.join(",", rule.claims));
            descriptor.setProperty(key + "file", rule.file);
            descriptor.setProperty(key + "line", Integer.toString(rule.line));
            descriptor.setProperty(key + "sha256", rule.sha256);
            for (int negation = 0; negation < rule.negations.size(); negation++) {
                descriptor.setProperty(key + "not." + negation, rule.negations.get(negation).condition);
            }
        }
        for (int position = 0; position < agendaOrder.size(); position++) {
            descriptor.setProperty(AGENDA_ORDER + "." + position, agendaOrder.get(position));
        }
        return descriptor;
    }

    private static List<String> agendaOrder(Properties descriptor) {
        List<String> order = new ArrayList<>();
        for (String name; (name = descriptor.getProperty(AGENDA_ORDER + "." + order.size())) != null; ) {
            order.add(name);
        }
        return order;
    }

    private static Map<String, RuleInfo> ruleInfos(Properties descriptor) {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        int count = Integer.parseInt(descriptor.getProperty(RULES));
        for (int index = 0; index < count; index++) {
            String key = "rule." + index + ".";
            String claims = descriptor.getProperty(key + "claims");
            List<RuleInfo.Negation> negations = new ArrayList<>();
            for (String condition; (condition = descriptor.getProperty(key + "not." + negations.size())) != null; ) {
                negations.add(new RuleInfo.Negation(condition));
            }
            RuleInfo rule = new RuleInfo(descriptor.getProperty(key + "name"), descriptor.getProperty(key + "section"),
                    claims.isEmpty() ? List.of() : List.of(claims.split(",")), descriptor.getProperty(key + "file"),
                    Integer.parseInt(descriptor.getProperty(key + "line")), descriptor.getProperty(key + "sha256"), negations);
            rules.put(rule.name, rule);
        }
        return rules;
    }
}
