package org.stackadvisor.internal.vocabulary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.stackadvisor.internal.facts.ClaimWeights;
import org.stackadvisor.Claim;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.json.JsonDocumentReader;

/**
 * The rule base's manifest ({@code manifest.json}): its name and version, the article it
 * encodes, the claim catalogue, the candidates, the decision margin and the facts vocabulary.
 * Everything a rule base may change without Java lives here.
 */
public final class Manifest {
    private static final Pattern TERM = Pattern.compile(FieldSpec.TERM_PATTERN);
    public static final String FILE_NAME = "manifest.json";

    public final String name;
    public final String version;
    public final String sourceTitle;
    public final int margin;
    public final Map<String, String> candidates;
    public final Map<String, FieldSpec> vocabulary;
    public final Map<String, Claim> claims;
    /** The weighing scheme in words, as the manifest states it once for every weight. */
    public final String weightingScheme;
    /** The weight of every weighed claim and the claims they restate: given to every decision. */
    public final ClaimWeights weights;
    /** The article's own way out of a tension, by the pair of claims it settles. */
    public final Map<Set<String>, String> waysOut;
    /** Why a term of a field weighs nothing when no rule used it, by field, then by term ({@code *} for any term). */
    public final Map<String, Map<String, String>> notWeighedReasons;

    private Manifest(String name, String version, String sourceTitle, int margin, Map<String, String> candidates,
            Map<String, FieldSpec> vocabulary, Map<String, Claim> claims, String weightingScheme,
            Map<Set<String>, String> waysOut, Map<String, Map<String, String>> notWeighedReasons) {
        this.name = name;
        this.version = version;
        this.sourceTitle = sourceTitle;
        this.margin = margin;
        this.candidates = candidates;
        this.vocabulary = vocabulary;
        this.claims = claims;
        this.weightingScheme = weightingScheme;
        this.waysOut = waysOut;
        this.notWeighedReasons = notWeighedReasons;
        Map<String, Integer> weightByClaim = new LinkedHashMap<>();
        Map<String, String> restated = new LinkedHashMap<>();
        for (Claim claim : claims.values()) {
            if (claim.weight() != null) {
                weightByClaim.put(claim.id(), claim.weight());
            }
            if (claim.restates() != null) {
                restated.put(claim.id(), claim.restates());
            }
        }
        this.weights = new ClaimWeights(weightByClaim, restated);
    }

    /** The article's own way out of the tension between two claims, or null where it gives none. */
    public String wayOut(String claim, String otherClaim) {
        return claim.equals(otherClaim) ? null : waysOut.get(Set.of(claim, otherClaim));
    }

    /** Why an input term no rule used weighs nothing: the manifest's reason for the term, else for its field. */
    public String notWeighedReason(String field, String term) {
        Map<String, String> reasons = notWeighedReasons.getOrDefault(field, Map.of());
        String reason = reasons.getOrDefault(term, reasons.get("*"));
        return reason != null ? reason : "no rule of the article used it for this project";
    }

    public static Manifest parse(String text, String source) {
        JsonDocumentReader.Parsed parsed = JsonDocumentReader.readManifest(text, source);
        Reader reader = new Reader(source, parsed);
        Manifest manifest = reader.manifest();
        if (!reader.problems.isEmpty()) {
            throw new InvalidRuleBaseException(reader.problems);
        }
        return manifest;
    }

    /** Walks the parsed manifest, collecting every problem with its place. */
    private static final class Reader {
        private final String source;
        private final JsonDocumentReader.Parsed parsed;
        private final List<Problem> problems;

        Reader(String source, JsonDocumentReader.Parsed parsed) {
            this.source = source;
            this.parsed = parsed;
            this.problems = new ArrayList<>(parsed.problems);
        }

        Manifest manifest() {
            if (!problems.isEmpty()) {
                return null;
            }
            Map<String, Object> root = object(parsed.root, "$");
            if (root == null) {
                return null;
            }
            String name = string(root, "$", "name");
            String version = string(root, "$", "version");
            Map<String, Object> sourceObject = object(root.get("source"), "$.source");
            String title = sourceObject == null ? null : string(sourceObject, "$.source", "title");
            Map<String, Object> decision = object(root.get("decision"), "$.decision");
            int margin = decision == null ? 1 : integer(decision, "$.decision", "margin");

            Map<String, String> candidates = new LinkedHashMap<>();
            List<Object> candidateList = list(root.get("candidates"), "$.candidates");
            for (int i = 0; candidateList != null && i < candidateList.size(); i++) {
                String path = "$.candidates[" + i + "]";
                Map<String, Object> candidate = object(candidateList.get(i), path);
                if (candidate != null) {
                    String id = string(candidate, path, "id");
                    String label = string(candidate, path, "label");
                    if (id != null && !id.matches(FieldSpec.WORD_PATTERN)) {
                        problem(path + ".id", "a candidate ID is a lowercase word, not '" + id + "'");
                    } else if (id != null && id.equals("either")) {
                        problem(path + ".id", "'either' is the verdict for no clear winner and cannot be a candidate");
                    } else if (id != null && candidates.put(id, label) != null) {
                        problem(path + ".id", "duplicate candidate '" + id + "'");
                    }
                }
            }
            if (candidateList != null && candidates.isEmpty()) {
                problem("$.candidates", "the rule base needs at least one candidate");
            }

            Map<String, FieldSpec> vocabulary = new LinkedHashMap<>();
            Map<String, Object> vocabularyObject = object(root.get("vocabulary"), "$.vocabulary");
            if (vocabularyObject != null) {
                for (Map.Entry<String, Object> entry : vocabularyObject.entrySet()) {
                    FieldSpec spec = fieldSpec(entry.getKey(), entry.getValue());
                    if (spec != null) {
                        vocabulary.put(spec.path, spec);
                    }
                }
            }

            Map<String, Claim> claims = new LinkedHashMap<>();
            List<Object> claimList = list(root.get("claims"), "$.claims");
            for (int i = 0; claimList != null && i < claimList.size(); i++) {
                String path = "$.claims[" + i + "]";
                Map<String, Object> claim = object(claimList.get(i), path);
                if (claim == null) {
                    continue;
                }
                String id = string(claim, path, "id");
                String section = string(claim, path, "section");
                String paraphrase = string(claim, path, "paraphrase");
                List<String> kinds = kinds(claim.get("kind"), path + ".kind");
                Object leans = claim.get("leans");
                Integer weight = claim.containsKey("weight") ? weight(claim.get("weight"), path + ".weight") : null;
                String rationale = claim.containsKey("rationale") || weight != null ? string(claim, path, "rationale") : null;
                boolean takeaway = Boolean.TRUE.equals(claim.get("takeaway"));
                Object restates = claim.get("restates");
                if (restates != null && !(restates instanceof String)) {
                    problem(path + ".restates", "expected the ID of the claim this one restates");
                }
                if (id != null && claims.containsKey(id)) {
                    problem(path + ".id", "duplicate claim '" + id + "'");
                } else if (id != null) {
                    claims.put(id, Access.root().claim(id, section, kinds, leans instanceof String ? (String) leans : "-", paraphrase,
                            weight, rationale, takeaway, restates instanceof String ? (String) restates : null));
                }
            }
            for (int i = 0; claimList != null && i < claimList.size(); i++) {
                Object each = claimList.get(i);
                Object restates = each instanceof Map ? ((Map<?, ?>) each).get("restates") : null;
                Claim restated = restates instanceof String ? claims.get(restates) : null;
                if (restates instanceof String && (restated == null || restated.weight() == null || restated.restates() != null)) {
                    problem("$.claims[" + i + "].restates", "'" + restates + "' is not a weighed claim that restates no other;"
                            + " a claim restates the claim whose vote it shares");
                }
            }
            Map<String, Object> weighting = root.containsKey("weighting") ? object(root.get("weighting"), "$.weighting") : null;
            String scheme = weighting == null ? null : string(weighting, "$.weighting", "scheme");
            return new Manifest(name, version, title, margin, candidates, vocabulary, claims, scheme,
                    waysOut(root, claims), notWeighedReasons(vocabularyObject));
        }

        private Integer weight(Object value, String path) {
            if (value instanceof BigDecimal) {
                try {
                    int number = ((BigDecimal) value).intValueExact();
                    if (number >= 1) {
                        return number;
                    }
                } catch (ArithmeticException e) {
                    // reported below
                }
            }
            problem(path, "a claim's weight is a whole number of at least 1, not " + value);
            return null;
        }

        private Map<Set<String>, String> waysOut(Map<String, Object> root, Map<String, Claim> claims) {
            Map<Set<String>, String> waysOut = new LinkedHashMap<>();
            if (!root.containsKey("tensions")) {
                return waysOut;
            }
            List<Object> tensions = list(root.get("tensions"), "$.tensions");
            for (int i = 0; tensions != null && i < tensions.size(); i++) {
                String path = "$.tensions[" + i + "]";
                Map<String, Object> tension = object(tensions.get(i), path);
                if (tension == null) {
                    continue;
                }
                List<Object> pair = list(tension.get("claims"), path + ".claims");
                String wayOut = string(tension, path, "wayOut");
                if (pair == null || wayOut == null) {
                    continue;
                }
                if (pair.size() != 2 || pair.get(0).equals(pair.get(1)) || !claims.containsKey(String.valueOf(pair.get(0)))
                        || !claims.containsKey(String.valueOf(pair.get(1)))) {
                    problem(path + ".claims", "a tension names two different claims of the catalogue");
                    continue;
                }
                waysOut.put(Set.of(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))), wayOut);
            }
            return waysOut;
        }

        private Map<String, Map<String, String>> notWeighedReasons(Map<String, Object> vocabularyObject) {
            Map<String, Map<String, String>> reasons = new LinkedHashMap<>();
            if (vocabularyObject == null) {
                return reasons;
            }
            for (Map.Entry<String, Object> field : vocabularyObject.entrySet()) {
                Object spec = field.getValue();
                Object given = spec instanceof Map ? ((Map<?, ?>) spec).get("notWeighed") : null;
                if (given == null) {
                    continue;
                }
                String path = "$.vocabulary." + field.getKey() + ".notWeighed";
                Map<String, Object> byTerm = object(given, path);
                Map<String, String> texts = new LinkedHashMap<>();
                for (String term : byTerm == null ? Set.<String>of() : byTerm.keySet()) {
                    String reason = string(byTerm, path, term);
                    if (reason != null) {
                        texts.put(term, reason);
                    }
                }
                reasons.put(field.getKey(), texts);
            }
            return reasons;
        }

        private FieldSpec fieldSpec(String field, Object value) {
            String path = "$.vocabulary." + field;
            Map<String, Object> spec = object(value, path);
            if (spec == null) {
                return null;
            }
            String typeName = string(spec, path, "type");
            if (typeName == null) {
                return null;
            }
            FieldSpec.Type type;
            try {
                type = FieldSpec.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(path + ".type", "unknown field type '" + typeName + "'; allowed: list, value, word, boolean");
                return null;
            }
            String termsKey = type == FieldSpec.Type.WORD ? "known" : "terms";
            List<String> terms = new ArrayList<>();
            // A set beside the list: a large vocabulary loads in time linear in its size (a list's
            // contains() made it quadratic: 25,000 terms took 3.5 s, 200,000 took 96 s).
            Set<String> termSet = new HashSet<>();
            if (type != FieldSpec.Type.BOOLEAN) {
                List<Object> termList = list(spec.get(termsKey), path + "." + termsKey);
                for (int i = 0; termList != null && i < termList.size(); i++) {
                    Object term = termList.get(i);
                    String termPath = path + "." + termsKey + "[" + i + "]";
                    if (!(term instanceof String) || !TERM.matcher((String) term).matches()) {
                        problem(termPath, "a term is a lowercase word such as \"real-time\"");
                    } else if (!termSet.add((String) term)) {
                        problem(termPath, "duplicate term '" + term + "'");
                    } else {
                        terms.add((String) term);
                    }
                }
            }
            Map<String, String> aliases = new LinkedHashMap<>();
            if (spec.containsKey("aliases")) {
                Map<String, Object> given = object(spec.get("aliases"), path + ".aliases");
                for (Map.Entry<String, Object> alias : given == null ? Set.<Map.Entry<String, Object>>of() : given.entrySet()) {
                    String aliasPath = path + ".aliases." + alias.getKey();
                    if (!(alias.getValue() instanceof String) || !termSet.contains(alias.getValue())) {
                        problem(aliasPath, "an alias names one of the field's terms (" + String.join(", ", terms) + "), not "
                                + alias.getValue());
                    } else if (termSet.contains(alias.getKey())) {
                        problem(aliasPath, "'" + alias.getKey() + "' is a term of the field already, so it cannot be an alias");
                    } else {
                        aliases.put(alias.getKey().strip().toLowerCase(Locale.ROOT), (String) alias.getValue());
                    }
                }
            }
            return new FieldSpec(field, type, terms, aliases);
        }

        private List<String> kinds(Object value, String path) {
            List<String> kinds = new ArrayList<>();
            if (value instanceof String) {
                kinds.add((String) value);
            } else if (value instanceof List) {
                for (Object kind : (List<?>) value) {
                    kinds.add(String.valueOf(kind));
                }
            } else {
                problem(path, "expected a kind (signal, caveat or context) or a list of them");
            }
            for (String kind : kinds) {
                if (!List.of("signal", "caveat", "context").contains(kind)) {
                    problem(path, "unknown claim kind '" + kind + "'; allowed: signal, caveat, context");
                }
            }
            return kinds;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(Object value, String path) {
            if (value instanceof Map) {
                return (Map<String, Object>) value;
            }
            problem(path, value == null ? "missing object" : "expected an object");
            return null;
        }

        @SuppressWarnings("unchecked")
        private List<Object> list(Object value, String path) {
            if (value instanceof List) {
                return (List<Object>) value;
            }
            problem(path, value == null ? "missing list" : "expected a list");
            return null;
        }

        private String string(Map<String, Object> object, String path, String key) {
            Object value = object.get(key);
            if (value instanceof String && !((String) value).isBlank()) {
                return (String) value;
            }
            problem(path + "." + key, value == null ? "missing text" : "expected non-empty text");
            return null;
        }

        private int integer(Map<String, Object> object, String path, String key) {
            Object value = object.get(key);
            if (value instanceof BigDecimal) {
                try {
                    int number = ((BigDecimal) value).intValueExact();
                    if (number >= 1) {
                        return number;
                    }
                } catch (ArithmeticException e) {
                    // reported below
                }
            }
            problem(path + "." + key, "expected a whole number of at least 1 (with 0, tied candidates would both win)");
            return 1;
        }

        private void problem(String path, String message) {
            int[] at = parsed.positions.getOrDefault(path, parsed.positions.get(parent(path)));
            problems.add(new Problem(source, at == null ? 0 : at[0], at == null ? 0 : at[1], path, message));
        }

        private static String parent(String path) {
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            return cut <= 0 ? path : path.substring(0, cut);
        }
    }
}
