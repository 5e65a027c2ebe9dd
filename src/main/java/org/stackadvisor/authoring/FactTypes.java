package org.stackadvisor.authoring;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.stackadvisor.internal.facts.Candidate;
import org.stackadvisor.internal.facts.CatalogueEntry;
import org.stackadvisor.internal.facts.Caveat;
import org.stackadvisor.internal.facts.Characteristic;
import org.stackadvisor.internal.facts.ClaimWeights;
import org.stackadvisor.internal.facts.DecisionMargin;
import org.stackadvisor.internal.facts.Evidence;
import org.stackadvisor.internal.facts.LibraryFit;
import org.stackadvisor.internal.facts.RuleFact;
import org.stackadvisor.internal.facts.Score;
import org.stackadvisor.internal.facts.Tension;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.facts.Verdict;

/**
 * The fact types a rule may match or derive, with their fields, how to make one and what else they
 * offer, read from the classes themselves so that the reference never goes stale: what {@code
 * stack-advisor types} prints and {@code docs/facts-reference.md} holds.
 *
 * <pre>{@code
 * for (FactTypes.FactType type : FactTypes.all()) {
 *     System.out.println(type.name() + ": " + type.constructor());   // Term: new Term(String field, String value)
 * }
 * }</pre>
 */
public final class FactTypes {
    /** Every fact type, in the order a decision meets them: given, input, derived by the stages, decided. */
    private static final List<FactType> ALL = List.of(
            new FactType(Term.class, "input", "One term of the project's facts, one per list element and per single value"
                    + " (`traits` `real-time`, `team.experience` `new`, `team.backendExperts` `\"true\"` or `\"false\"`)."),
            new FactType(CatalogueEntry.class, "input", "A library the project names that the vocabulary does not, with the"
                    + " ecosystem the library catalogue gives it (`python`, `nodejs` or `ambiguous`)."),
            new FactType(Candidate.class, "given", "A candidate of the manifest (`nodejs` \"Node.js\"), one per candidate."),
            new FactType(DecisionMargin.class, "given", "The lead in points a candidate needs over every other to be recommended."),
            new FactType(ClaimWeights.class, "given", "Each weighed claim's weight from the manifest; the scoring rule sums"
                    + " evidence with it, one vote per signal."),
            new FactType(Characteristic.class, "derived", "A classification of the project that later stages decide from"
                    + " (`real-time`, `newcomer-team`); derive it with `insertLogical`."),
            new FactType(LibraryFit.class, "derived", "A library of the project that belongs to a candidate's ecosystem."),
            new FactType(Evidence.class, "derived", "A reason, from one claim of the article, to choose a candidate; it carries"
                    + " no weight (the claim's weight is in the manifest). Equal when candidate and claim are equal."),
            new FactType(Caveat.class, "derived", "A warning the reader must see; it moves no score."),
            new FactType(Tension.class, "derived", "Two claims pulling the project toward different candidates, with the article's"
                    + " way out where it gives one."),
            new FactType(Score.class, "decided", "The sum of a candidate's evidence (the scoring rules derive it)."),
            new FactType(Verdict.class, "decided", "The decision: a candidate ID, or `either` (the decision rules derive it)."));

    private FactTypes() {
    }

    /** Every fact type a rule may match or derive. */
    public static List<FactType> all() {
        return ALL;
    }

    /** The reference as text, as {@code stack-advisor types} prints it. */
    public static String text() {
        StringBuilder text = new StringBuilder();
        for (FactType type : ALL) {
            text.append(type.name()).append(" (").append(type.role()).append(")\n");
            text.append("  ").append(type.description().replace("`", "")).append('\n');
            text.append("  fields:  ").append(type.fields().isEmpty() ? "none (rules use its methods)" : type.fields().entrySet().stream()
                    .map(field -> field.getKey() + " (" + field.getValue() + ")").collect(Collectors.joining(", "))).append('\n');
            text.append("  make:    ").append(type.constructor()).append('\n');
            type.methods().forEach(method -> text.append("  method:  ").append(method).append('\n'));
            text.append('\n');
        }
        return text.toString();
    }

    /** The reference as Markdown, the generated part of {@code docs/facts-reference.md}. */
    public static String markdown() {
        StringBuilder text = new StringBuilder();
        for (FactType type : ALL) {
            text.append("### `").append(type.name()).append("` (").append(type.role()).append(")\n\n");
            text.append(type.description()).append("\n\n");
            if (type.fields().isEmpty()) {
                text.append("No field a condition matches: rules use its methods.\n");
            } else {
                text.append("| field | type |\n|---|---|\n");
                type.fields().forEach((name, kind) -> text.append("| `").append(name).append("` | `").append(kind).append("` |\n"));
            }
            text.append("\nMake one: `").append(type.constructor()).append("`\n");
            if (!type.methods().isEmpty()) {
                text.append("\nMethods: ").append(type.methods().stream().map(method -> "`" + method + "`")
                        .collect(Collectors.joining(", "))).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The reference as JSON, as {@code stack-advisor types --format json} prints it. */
    public static String toJson() {
        List<Map<String, Object>> types = new ArrayList<>();
        for (FactType type : ALL) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", type.name());
            map.put("class", type.type.getName());
            map.put("role", type.role());
            map.put("description", type.description());
            map.put("fields", type.fields());
            map.put("constructor", type.constructor());
            map.put("methods", type.methods());
            types.add(map);
        }
        return org.stackadvisor.internal.json.Json.write(Map.of("factTypes", types), true);
    }

    /** One fact type: its class, its role in a decision, its fields and how to make one. */
    public static final class FactType {
        private static final Set<String> NOT_FOR_RULES = Set.of("type", "isInput", "attributes", "equals", "hashCode", "toString");

        private final Class<? extends RuleFact> type;
        private final String role;
        private final String description;

        FactType(Class<? extends RuleFact> type, String role, String description) {
            this.type = type;
            this.role = role;
            this.description = description;
        }

        /** The simple name a rule imports and matches, such as {@code Term}. */
        public String name() {
            return type.getSimpleName();
        }

        /** The fully qualified class name to import. */
        public String className() {
            return type.getName();
        }

        /**
         * {@code input} (from the project's facts), {@code given} (from the manifest, in every decision),
         * {@code derived} (rules insert it) or {@code decided} (the scoring and decision rules derive it).
         */
        public String role() {
            return role;
        }

        /** What it stands for. */
        public String description() {
            return description;
        }

        /**
         * Its fields as a condition names them ({@code field} for {@code getField()}), with their types, in
         * the order of the constructor's parameters.
         */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Field field : type.getDeclaredFields()) {
                String name = field.getName();
                String getter = (field.getType() == boolean.class ? "is" : "get") + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                if (!Modifier.isStatic(field.getModifiers()) && hasMethod(getter)) {
                    fields.put(name, typeName(field.getGenericType()));
                }
            }
            return fields;
        }

        /**
         * How to make one in a consequence, such as {@code new Term(String field, String value)}: the
         * parameters are named after the fields of the same types in the same order.
         */
        public String constructor() {
            Constructor<?> constructor = Arrays.stream(type.getConstructors()).findFirst().orElseThrow();
            List<Field> fields = Arrays.stream(type.getDeclaredFields()).filter(field -> !Modifier.isStatic(field.getModifiers()))
                    .collect(Collectors.toList());
            Type[] parameters = constructor.getGenericParameterTypes();
            List<String> named = new ArrayList<>();
            for (int i = 0; i < parameters.length; i++) {
                String name = i < fields.size() && fields.get(i).getGenericType().equals(parameters[i]) ? fields.get(i).getName() : "arg" + i;
                named.add(typeName(parameters[i]) + " " + name);
            }
            return "new " + name() + "(" + String.join(", ", named) + ")";
        }

        /** Its public methods other than the fields' getters, such as {@code int weightOf(String)}. */
        public List<String> methods() {
            return Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                            && !NOT_FOR_RULES.contains(method.getName()) && !isGetter(method))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .map(method -> typeName(method.getGenericReturnType()) + " " + method.getName() + "("
                            + Arrays.stream(method.getGenericParameterTypes()).map(FactTypes::typeName).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.toList());
        }

        private boolean isGetter(Method method) {
            return method.getParameterCount() == 0 && (method.getName().startsWith("get") || method.getName().startsWith("is"))
                    && fields().keySet().stream().anyMatch(field -> method.getName().equalsIgnoreCase("get" + field)
                            || method.getName().equalsIgnoreCase("is" + field));
        }

        private boolean hasMethod(String name) {
            try {
                return Modifier.isPublic(type.getMethod(name).getModifiers());
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }

    /** A type as a rule author writes it: {@code String}, {@code int}, {@code Map<String, Integer>}. */
    private static String typeName(Type type) {
        if (type instanceof Class) {
            return ((Class<?>) type).getSimpleName();
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            return typeName(parameterized.getRawType()) + "<" + Arrays.stream(parameterized.getActualTypeArguments())
                    .map(FactTypes::typeName).collect(Collectors.joining(", ")) + ">";
        }
        return type.getTypeName().replaceAll("[\\w.]+\\.", "");
    }
}
