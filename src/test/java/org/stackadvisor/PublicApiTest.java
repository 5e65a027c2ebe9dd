package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The library's public API, read from the compiled classes of {@code org.stackadvisor} and its public
 * packages {@code audit}, {@code authoring} and {@code explain}: exactly the intended types are
 * public, and no Drools or KIE type appears in any public or protected signature, so embedding
 * applications never compile against the engine.
 */
class PublicApiTest {
    private static final Set<String> INTENDED_PUBLIC_TYPES = Set.of(
            "org.stackadvisor.explain.Alternative",
            "org.stackadvisor.audit.AuditKeys",
            "org.stackadvisor.audit.AuditLog",
            "org.stackadvisor.audit.AuditLog$Builder",
            "org.stackadvisor.audit.AuditLogException",
            "org.stackadvisor.audit.AuditRecord",
            "org.stackadvisor.audit.AuditVerification",
            "org.stackadvisor.Claim",
            "org.stackadvisor.authoring.ClaimCoverage",
            "org.stackadvisor.authoring.ClaimCoverage$CitingRule",
            "org.stackadvisor.authoring.ClaimCoverage$ClaimEntry",
            "org.stackadvisor.authoring.OutcomeAnalysis",
            "org.stackadvisor.authoring.OutcomeAnalysis$Tension",
            "org.stackadvisor.authoring.OutcomeAnalysis$Tension$Side",
            "org.stackadvisor.authoring.OutcomeAnalysis$Tie",
            "org.stackadvisor.authoring.OutcomeAnalysis$DeadRule",
            "org.stackadvisor.authoring.OutcomeAnalysis$Loop",
            "org.stackadvisor.authoring.FactTypes",
            "org.stackadvisor.authoring.FactTypes$FactType",
            "org.stackadvisor.Problem$Severity",
            "org.stackadvisor.authoring.Verification",
            "org.stackadvisor.Conclusion",
            "org.stackadvisor.Decision",
            "org.stackadvisor.Decision$Reading",
            "org.stackadvisor.Decision$Robustness",
            "org.stackadvisor.Decision$Robustness$Change",
            "org.stackadvisor.Decision$Unweighed",
            "org.stackadvisor.DecisionListener",
            "org.stackadvisor.explain.AdrCheck",
            "org.stackadvisor.explain.AdrCheck$Entry",
            "org.stackadvisor.explain.AdrCheck$State",
            "org.stackadvisor.explain.MadrRecord",
            "org.stackadvisor.explain.MadrRecord$Status",
            "org.stackadvisor.explain.FactChange",
            "org.stackadvisor.explain.FactChange$Op",
            "org.stackadvisor.Firing",
            "org.stackadvisor.InvalidFactsException",
            "org.stackadvisor.InvalidRuleBaseException",
            "org.stackadvisor.Problem",
            "org.stackadvisor.Project",
            "org.stackadvisor.explain.NearestChanges",
            "org.stackadvisor.audit.NotADecisionException",
            "org.stackadvisor.Project$Builder",
            "org.stackadvisor.Proof",
            "org.stackadvisor.Proof$Derivation",
            "org.stackadvisor.audit.Replay",
            "org.stackadvisor.explain.ReportPage",
            "org.stackadvisor.explain.RuleReference",
            "org.stackadvisor.ReloadResult",
            "org.stackadvisor.authoring.Scenario",
            "org.stackadvisor.authoring.ScenarioResult",
            "org.stackadvisor.StackAdvisor",
            "org.stackadvisor.StackAdvisor$Builder",
            "org.stackadvisor.StackAdvisorException",
            "org.stackadvisor.explain.WhatIf",
            "org.stackadvisor.explain.WhyNotCandidate",
            "org.stackadvisor.explain.WhyNotCandidate$Supporter",
            "org.stackadvisor.explain.WhyNotRule");

    @Test
    void whenThePackageIsRead_thenExactlyTheIntendedTypesArePublic() throws Exception {
        Set<String> publicTypes = packageClasses().stream().filter(PublicApiTest::isPublicApi)
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(INTENDED_PUBLIC_TYPES);
    }

    @Test
    void whenEveryPublicSignatureIsRead_thenNoDroolsOrKieTypeAppears() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : packageClasses()) {
            if (!isPublicApi(type)) {
                continue;
            }
            check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
            for (Type implemented : type.getGenericInterfaces()) {
                check(type.getName() + " implements", implemented, leaks);
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(type.getName() + "." + field.getName(), field.getGenericType(), leaks);
                }
            }
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
            executables.addAll(List.<Constructor<?>>of(type.getDeclaredConstructors()));
            for (Executable executable : executables) {
                if (!visible(executable.getModifiers()) || executable.isSynthetic()) {
                    continue;
                }
                String where = type.getName() + "." + executable.getName();
                if (executable instanceof Method) {
                    check(where + " returns", ((Method) executable).getGenericReturnType(), leaks);
                }
                for (Type parameter : executable.getGenericParameterTypes()) {
                    check(where + " takes", parameter, leaks);
                }
                for (Type thrown : executable.getGenericExceptionTypes()) {
                    check(where + " throws", thrown, leaks);
                }
                for (TypeVariable<?> variable : executable.getTypeParameters()) {
                    check(where + " type parameter", variable, leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void whenJavadocChecksThePackage_thenEveryPublicTypeAndMemberHasAComment() throws Exception {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path output = Files.createTempDirectory("javadoc");
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-quiet", "-Xdoclint:missing", "-d", output.toString(),
                    "-sourcepath", Path.of("src", "main", "java").toString(),
                    "-classpath", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    "org.stackadvisor", "org.stackadvisor.audit", "org.stackadvisor.authoring", "org.stackadvisor.explain");
            javadoc.getTask(null, files, diagnostics, null, options, null).call();
        }
        List<String> undocumented = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getMessage(Locale.ROOT).contains("no comment"))
                .map(diagnostic -> diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber())
                .collect(Collectors.toList());
        assertThat(undocumented).isEmpty();
    }

    @Test
    void whenALeakIsPlanted_thenTheSignatureCheckFindsIt() {
        List<String> leaks = new ArrayList<>();
        check("example", ListOfKieBases.class.getGenericSuperclass(), leaks);
        assertThat(leaks).singleElement().asString().contains("org.kie.api.KieBase");
    }

    private abstract static class ListOfKieBases extends ArrayList<org.kie.api.KieBase> {
        private static final long serialVersionUID = 1L;
    }

    private static void check(String where, Type type, List<String> leaks) {
        check(where, type, leaks, new java.util.HashSet<>());
    }

    private static void check(String where, Type type, List<String> leaks, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class) {
            Class<?> raw = (Class<?>) type;
            while (raw.isArray()) {
                raw = raw.getComponentType();
            }
            if (raw.getName().startsWith("org.kie.") || raw.getName().startsWith("org.drools.")) {
                leaks.add(where + ": " + raw.getName());
            }
        } else if (type instanceof ParameterizedType) {
            check(where, ((ParameterizedType) type).getRawType(), leaks, seen);
            for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
                check(where, argument, leaks, seen);
            }
        } else if (type instanceof WildcardType) {
            Stream.of(((WildcardType) type).getUpperBounds()).forEach(bound -> check(where, bound, leaks, seen));
            Stream.of(((WildcardType) type).getLowerBounds()).forEach(bound -> check(where, bound, leaks, seen));
        } else if (type instanceof TypeVariable) {
            Stream.of(((TypeVariable<?>) type).getBounds()).forEach(bound -> check(where, bound, leaks, seen));
        } else if (type instanceof GenericArrayType) {
            check(where, ((GenericArrayType) type).getGenericComponentType(), leaks, seen);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Public, and every enclosing class public too: reachable from outside the package. */
    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
            if (!Modifier.isPublic(at.getModifiers()) || at.isAnonymousClass() || at.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /** The public packages: {@code org.stackadvisor} and the three built on it; not cli, not internal. */
    private static final List<String> API_PACKAGES = List.of(
            "org.stackadvisor", "org.stackadvisor.audit", "org.stackadvisor.authoring", "org.stackadvisor.explain");

    /** Every class compiled into the public packages, nested ones included, not their other sub-packages. */
    private static List<Class<?>> packageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(StackAdvisor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        for (String packageName : API_PACKAGES) {
            Path folder = root.resolve(packageName.replace('.', '/'));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.equals("package-info.class")) {
                        classes.add(Class.forName(packageName + "." + name.substring(0, name.length() - ".class".length()),
                                false, StackAdvisor.class.getClassLoader()));
                    }
                }
            }
        }
        assertThat(classes).as("classes found in " + API_PACKAGES).hasSizeGreaterThan(INTENDED_PUBLIC_TYPES.size());
        return classes;
    }
}
