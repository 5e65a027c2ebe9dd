package org.stackadvisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The layering of the library, checked on its compiled main classes: the public packages ({@code
 * org.stackadvisor}, {@code audit}, {@code authoring}, {@code explain}) over the internal ones, the
 * command line a client of the public ones only. Every rule is made for a base package, so that
 * {@link #whenEveryRuleIsEvaluatedOnClassesThatBreakIt_thenEveryRuleFails()} can show each one
 * failing on the classes of {@code fixture.layering} (test sources), which break every rule.
 */
class LayeringTest {
    private static final String BASE = "org.stackadvisor";

    /** The library's own classes; the executable model generated from the DRL at build time is the rules' code, not the library's. */
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/org/stackadvisor/rules/"))
            .importPackages(BASE);

    /** Every rule, by name, for the library under {@code base}. */
    static Map<String, ArchRule> rules(String base) {
        Map<String, ArchRule> rules = new TreeMap<>();
        rules.put("Drools and KIE types are used only in internal.engine and internal.facts", noClasses()
                .that().resideOutsideOfPackages(base + ".internal.engine..", base + ".internal.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .allowEmptyShould(false));
        rules.put("no public signature outside internal names a Drools, KIE or internal type", classes()
                .that().resideInAnyPackage(base, base + ".audit..", base + ".authoring..", base + ".explain..", base + ".cli..")
                .should(nameNoEngineOrInternalTypeInAPublicSignature(base))
                .allowEmptyShould(false));
        rules.put("cli uses no internal package", noClasses()
                .that().resideInAPackage(base + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(base + ".internal..")
                .allowEmptyShould(false));
        List<String> features = List.of("audit", "authoring", "explain");
        for (String feature : features) {
            List<String> others = new ArrayList<>();
            for (String other : features) {
                if (!other.equals(feature)) {
                    others.add(base + "." + other + "..");
                }
            }
            rules.put(feature + " depends on no other of audit, authoring and explain", noClasses()
                    .that().resideInAPackage(base + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .allowEmptyShould(false));
        }
        // The root package is the facade over the others (StackAdvisor.whatIf, replay and reload use
        // explain, audit and authoring, and every sub-package uses its types), so it is not a slice.
        rules.put("the sub-packages have no cycles", slices().matching(base + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(false));
        rules.put("the internal packages have no cycles", slices().matching(base + ".internal.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(false));
        return rules;
    }

    @Test
    void whenTheLibraryIsRead_thenEveryLayeringRuleHolds() {
        Map<String, String> failures = new TreeMap<>();
        rules(BASE).forEach((name, rule) -> {
            EvaluationResult result = rule.evaluate(LIBRARY);
            if (result.hasViolation()) {
                failures.put(name, String.join("\n", result.getFailureReport().getDetails()));
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void whenEveryRuleIsEvaluatedOnClassesThatBreakIt_thenEveryRuleFails() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("fixture.layering");
        Map<String, Boolean> violated = new TreeMap<>();
        rules("fixture.layering").forEach((name, rule) -> violated.put(name, rule.evaluate(fixtures).hasViolation()));
        assertThat(violated).hasSameSizeAs(rules(BASE)).doesNotContainValue(false);
    }

    @Test
    void whenTheEmbeddingPackageIsRead_thenItHasAtMostFifteenPublicTypes() {
        Set<String> topLevel = new java.util.TreeSet<>();
        LIBRARY.stream().filter(type -> type.getPackageName().equals(BASE) && type.isTopLevelClass()
                && type.getModifiers().contains(JavaModifier.PUBLIC)).forEach(type -> topLevel.add(type.getSimpleName()));
        assertThat(topLevel).hasSizeBetween(1, 15);
    }

    private static ArchCondition<JavaClass> nameNoEngineOrInternalTypeInAPublicSignature(String base) {
        Function<JavaClass, Boolean> forbidden = raw -> {
            String name = raw.getPackageName();
            return name.startsWith("org.kie") || name.startsWith("org.drools") || name.equals(base + ".internal")
                    || name.startsWith(base + ".internal.");
        };
        return new ArchCondition<>("name no Drools, KIE or internal type in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!reachable(type)) {
                    return;
                }
                List<String> leaks = new ArrayList<>();
                type.getSuperclass().ifPresent(superclass -> collect(type.getName() + " extends", superclass, leaks));
                for (JavaType implemented : type.getInterfaces()) {
                    collect(type.getName() + " implements", implemented, leaks);
                }
                for (JavaField field : type.getFields()) {
                    if (visible(field.getModifiers())) {
                        collect(field.getFullName(), field.getType(), leaks);
                    }
                }
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    if (!visible(unit.getModifiers()) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    collect(unit.getFullName() + " returns", unit.getReturnType(), leaks);
                    for (JavaType parameter : unit.getParameterTypes()) {
                        collect(unit.getFullName() + " takes", parameter, leaks);
                    }
                    for (JavaClass thrown : unit.getThrowsClause().getTypes()) {
                        collect(unit.getFullName() + " throws", thrown, leaks);
                    }
                    for (JavaType variable : unit.getTypeParameters()) {
                        collect(unit.getFullName() + " type parameter", variable, leaks);
                    }
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(type, leak));
                }
            }

            private void collect(String where, JavaType signatureType, List<String> leaks) {
                for (JavaClass raw : signatureType.getAllInvolvedRawTypes()) {
                    if (forbidden.apply(raw)) {
                        leaks.add(where + ": " + raw.getName());
                    }
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    /** Public, and every enclosing class public too: reachable from outside its package. */
    private static boolean reachable(JavaClass type) {
        for (JavaClass at = type; at != null; at = at.getEnclosingClass().orElse(null)) {
            if (!at.getModifiers().contains(JavaModifier.PUBLIC) || at.isAnonymousClass() || at.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
