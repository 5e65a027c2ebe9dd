package org.stackadvisor.internal.vocabulary;

import org.stackadvisor.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.Problem;
import org.stackadvisor.Project;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.json.Json;

/**
 * Checks a {@link Project} against a rule base's vocabulary and turns it into {@link
 * ValidFacts}. It reports every problem of the document at once, each with its JSON path,
 * line, column, the allowed values and a suggestion for near misses.
 */
public final class FactsValidator {
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_LIST_SIZE = 100;
    /** More problems than this are summed up in one last problem: past it, the reader learns nothing new. */
    static final int MAX_PROBLEMS = 100;

    /** The list field whose unknown terms the library catalogue may know. */
    static final String LIBRARIES = "libraries";
    private static final Pattern PLAUSIBLE_NAME = Pattern.compile("[\\p{L}\\p{N}@][\\p{L}\\p{N}._+/@ -]*");

    /** The longest term accepted in a list field that the vocabulary does not know. */
    static final int MAX_UNKNOWN_TERM_LENGTH = 100;

    private final Map<String, FieldSpec> vocabulary;
    private final boolean strict;
    private final Function<String, Optional<String>> catalogue;
    private final SortedMap<String, String> catalogued = new TreeMap<>();
    private final List<Decision.Reading> readings = new ArrayList<>();
    private final Project project;
    private final List<Problem> problems = new ArrayList<>();
    private final SortedMap<String, Object> values = new TreeMap<>();

    private FactsValidator(Map<String, FieldSpec> vocabulary, boolean strict, Function<String, Optional<String>> catalogue,
            Project project) {
        this.vocabulary = vocabulary;
        this.strict = strict;
        this.catalogue = catalogue;
        this.project = project;
    }

    public static ValidFacts validate(Project project, Map<String, FieldSpec> vocabulary) {
        return validate(project, vocabulary, false);
    }

    /**
     * With {@code strict}, a term of a list field that the vocabulary does not know is an error;
     * without, it is accepted (in lower case) and the decision lists it as not weighed, unless it
     * is a near miss of a known term, which stays an error with a did-you-mean.
     */
    public static ValidFacts validate(Project project, Map<String, FieldSpec> vocabulary, boolean strict) {
        return validate(project, vocabulary, strict, library -> Optional.empty());
    }

    /**
     * As {@link #validate(Project, Map, boolean)}, and a library the vocabulary does not name is
     * looked up in the catalogue: when it knows the name (strict or not), the library is accepted
     * and carries its ecosystem into the decision.
     */
    public static ValidFacts validate(Project project, Map<String, FieldSpec> vocabulary, boolean strict,
            Function<String, Optional<String>> catalogue) {
        FactsValidator validator = new FactsValidator(vocabulary, strict, catalogue, project);
        String name = validator.name();
        validator.fields(Access.root().document(project), "");
        if (!validator.problems.isEmpty()) {
            throw new InvalidFactsException(validator.reportedProblems());
        }
        for (FieldSpec spec : vocabulary.values()) {
            if (spec.type == FieldSpec.Type.LIST) {
                validator.values.putIfAbsent(spec.path, List.of());
            }
        }
        return new ValidFacts(name, validator.values, validator.readings, validator.catalogued);
    }

    private String name() {
        Object name = Access.root().document(project).get("name");
        if (name == null) {
            problem("$", "the required field 'name' is missing; give the project a name such as \"name\": \"Live chat\"");
        } else if (!(name instanceof String) || ((String) name).isBlank()) {
            problem("$.name", "'name' must be non-empty text");
        } else if (((String) name).length() > MAX_NAME_LENGTH) {
            problem("$.name", "'name' is longer than " + MAX_NAME_LENGTH + " characters");
        } else {
            return (String) name;
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private void fields(Map<String, Object> object, String prefix) {
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            String field = prefix.isEmpty() ? entry.getKey() : prefix + entry.getKey();
            Object value = entry.getValue();
            if (field.equals("name")) {
                continue;
            }
            FieldSpec spec = vocabulary.get(field);
            if (spec != null) {
                field(spec, spec.jsonPath, value);
            } else if (isGroup(field)) {
                if (value instanceof Map) {
                    fields((Map<String, Object>) value, field + ".");
                } else if (value != null) {
                    problem("$." + field, "'" + field + "' must be an object with the keys " + String.join(", ", groupKeys(field)));
                }
            } else {
                Set<String> siblings = siblingKeys(prefix);
                problem("$." + field + "#key", "unknown key '" + Json.quoteForMessage(entry.getKey()) + "'"
                        + (prefix.isEmpty() ? "" : " in '" + prefix.substring(0, prefix.length() - 1) + "'")
                        + "; allowed keys: " + String.join(", ", siblings)
                        + Suggestions.didYouMean(entry.getKey(), siblings));
            }
        }
    }

    private void field(FieldSpec spec, String jsonPath, Object value) {
        if (value == null) {
            return;
        }
        switch (spec.type) {
            case LIST:
                if (!(value instanceof List)) {
                    problem(jsonPath, "'" + spec.path + "' must be a list of terms such as [\"" + spec.terms.get(0) + "\"], not "
                            + describe(value) + "; allowed terms: " + String.join(", ", spec.terms));
                    return;
                }
                List<?> items = (List<?>) value;
                if (items.size() > MAX_LIST_SIZE) {
                    problem(jsonPath, "'" + spec.path + "' has " + items.size() + " entries; at most " + MAX_LIST_SIZE + " are allowed");
                    return;
                }
                TreeSet<String> terms = new TreeSet<>();
                for (int i = 0; i < items.size(); i++) {
                    String term = term(spec, jsonPath, i, items.get(i));
                    if (term != null) {
                        terms.add(term);
                    }
                }
                values.put(spec.path, List.copyOf(terms));
                return;
            case VALUE:
            case WORD: {
                String term = term(spec, jsonPath, -1, value);
                if (term != null) {
                    values.put(spec.path, term);
                }
                return;
            }
            default:
                if (value instanceof Boolean) {
                    values.put(spec.path, value);
                } else {
                    problem(jsonPath, "'" + spec.path + "' must be true or false, not " + describe(value));
                }
        }
    }

    /** {@code index}: the term's place in a list, or -1 for a single value; the path names it only in a problem. */
    private String term(FieldSpec spec, String fieldPath, int index, Object value) {
        if (!(value instanceof String)) {
            problem(elementPath(fieldPath, index), "'" + spec.path + "' takes text terms, not " + describe(value)
                    + (spec.terms.isEmpty() ? "" : "; allowed terms: " + String.join(", ", spec.terms)));
            return null;
        }
        String term = (String) value;
        if (spec.type == FieldSpec.Type.WORD) {
            if (term.length() > 64 || !FieldSpec.WORD.matcher(term).matches()) {
                problem(elementPath(fieldPath, index), "'" + spec.path + "' must be one lowercase word (letters, digits, '-'), not '"
                        + Json.quoteForMessage(term) + "'" + Suggestions.didYouMean(term, spec.terms));
                return null;
            }
            return term;
        }
        String understood = spec.understand(term);
        if (understood == null && spec.path.equals(LIBRARIES) && acceptableUnknown(term)) {
            String library = term.strip().toLowerCase(Locale.ROOT);
            Optional<String> ecosystem = catalogue.apply(library);
            if (ecosystem.isPresent()) {
                catalogued.put(library, ecosystem.get());
                understood = library;
            }
        }
        if (understood == null && spec.type == FieldSpec.Type.LIST && !strict
                && Suggestions.closest(term, spec.terms).isEmpty() && acceptableUnknown(term)) {
            understood = term.strip().toLowerCase(Locale.ROOT);
        }
        if (understood == null) {
            problem(elementPath(fieldPath, index), "unknown term '" + Json.quoteForMessage(term) + "' for '" + spec.path + "'; allowed terms: "
                    + String.join(", ", spec.terms) + Suggestions.didYouMean(term, spec.terms)
                    + (strict && spec.type == FieldSpec.Type.LIST ? " (--strict: every term must be in the vocabulary)" : ""));
            return null;
        }
        if (!understood.equals(term)) {
            readings.add(Access.root().reading(spec.path, term, understood));
        }
        return understood;
    }

    /**
     * An unknown term is accepted only as a plausible name, such as a package's ({@code socket.io},
     * {@code @nestjs/core}, {@code my_lib}): letters, digits and {@code . _ - + / @}, spaces inside,
     * at most {@value #MAX_UNKNOWN_TERM_LENGTH} characters; anything else stays an error.
     */
    private static boolean acceptableUnknown(String term) {
        String stripped = term.strip();
        return stripped.length() <= MAX_UNKNOWN_TERM_LENGTH && PLAUSIBLE_NAME.matcher(stripped).matches();
    }

    private static String elementPath(String fieldPath, int index) {
        return index < 0 ? fieldPath : fieldPath + "[" + index + "]";
    }

    private boolean isGroup(String field) {
        return vocabulary.keySet().stream().anyMatch(path -> path.startsWith(field + "."));
    }

    private List<String> groupKeys(String group) {
        return vocabulary.keySet().stream().filter(path -> path.startsWith(group + "."))
                .map(path -> path.substring(group.length() + 1)).collect(Collectors.toList());
    }

    private Set<String> siblingKeys(String prefix) {
        Set<String> keys = new TreeSet<>();
        if (prefix.isEmpty()) {
            keys.add("name");
        }
        for (String path : vocabulary.keySet()) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int dot = rest.indexOf('.');
                keys.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return keys;
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "the text \"" + Json.quoteForMessage((String) value) + "\"";
        }
        if (value instanceof BigDecimal) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return "null";
    }

    private List<Problem> reportedProblems() {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<Problem> reported = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        reported.add(new Problem(project.source(), 0, 0, "", "and " + (problems.size() - MAX_PROBLEMS)
                + " more problems; only the first " + MAX_PROBLEMS + " are shown"));
        return reported;
    }

    private void problem(String jsonPath, String message) {
        int[] at = Access.root().position(project, jsonPath);
        String shownPath = jsonPath.endsWith("#key") ? jsonPath.substring(0, jsonPath.length() - 4) : jsonPath;
        problems.add(new Problem(project.source(), at == null ? 0 : at[0], at == null ? 0 : at[1], shownPath, message));
    }
}
