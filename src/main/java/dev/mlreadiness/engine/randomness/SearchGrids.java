package dev.mlreadiness.engine.randomness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Expression;
import dev.mlreadiness.engine.python.PythonModule;
import dev.mlreadiness.engine.python.ValueKind;

/**
 * Estimators seeded through a hyper-parameter search's grid: {@code GridSearchCV(RandomForestClassifier(),
 * {"random_state": [42]})} fits only seeded forests. A call of a {@code *SearchCV} class links its estimator
 * (first positional argument or {@code estimator=}: an inline call, or a name the file assigns one) to its
 * grid (second positional argument, {@code param_grid=}, {@code param_distributions=} or {@code search_spaces=}:
 * a dict display, {@code dict(...)}, a list of them, or a name the file assigns one). A grid key
 * {@code random_state}, {@code seed} or {@code random_seed} seeds the estimator; {@code clf__random_state} seeds
 * the step {@code clf} of a {@code Pipeline([("clf", ...)])} (also {@code make_pipeline}'s lower-cased class
 * names, the named estimators of {@code FeatureUnion}, {@code ColumnTransformer}, {@code Stacking*},
 * {@code Voting*}) or the {@code estimator=}/{@code clf=} argument of a wrapper, at any depth. A grid value of
 * only {@code None} seeds nothing.
 */
public final class SearchGrids {

    private static final Set<String> SEED_PARAMETERS = Set.of("random_state", "seed", "random_seed");
    private static final Set<String> GRID = Set.of("param_grid", "param_distributions", "search_spaces");
    private static final Set<String> ESTIMATOR = Set.of("estimator");
    private static final Set<String> NAMED_STEPS = Set.of("steps", "transformer_list", "transformers", "estimators");
    /** Parameters of wrappers whose first positional argument is the wrapped estimator. */
    private static final Set<String> WRAPPED = Set.of("estimator", "base_estimator", "regressor", "classifier");
    private static final Set<String> AUTO_NAMED = Set.of("make_pipeline", "make_union");
    /** Bound on names followed and nesting descended, whatever the file does. */
    private static final int MAX_HOPS = 8;
    /** Bound on the expressions visited per file: far above real files, it keeps hostile ones linear. */
    private static final int BUDGET = 100_000;

    private final PythonModule module;
    private final Set<Integer> seeded = new HashSet<>();
    /**
     * Estimator names already followed, with the paths they were followed for, and the fewest hops they were
     * followed at: a name many searches share, or assigned many times, is expanded once per set of paths (again
     * only when reached in fewer hops, where the hop bound cuts less), so the work stays linear in the file.
     */
    private final Map<String, Integer> followed = new HashMap<>();
    /**
     * The paths each grid name seeds, read once per name; read again only when reached in fewer hops than a reading
     * the hop bound cut (a result cut deep in one search must not stand for a shallow one in another).
     */
    private final Map<String, GridPaths> gridPaths = new HashMap<>();
    /** The names each pipeline-building call gives its estimators ({@link #autoNamed}), by call index. */
    private final Map<Integer, Map<String, Expression>> autoNames = new HashMap<>();
    /** The steps of each steps list by name ({@link #namedSteps}). */
    private final Map<Expression.Sequence, Map<String, Expression>> stepIndex = new IdentityHashMap<>();
    private int budget = BUDGET;
    /** How many times the hop bound cut a reading so far. */
    private int cuts;

    /** The paths a grid name seeds, read at {@code hops}; {@code cut} when the hop bound cut the reading. */
    private record GridPaths(Set<String> paths, int hops, boolean cut) {
    }

    private SearchGrids(PythonModule module) {
        this.module = module;
    }

    /** Positions in {@code module.calls()} of the estimator calls some search's grid seeds. */
    public static Set<Integer> seededEstimators(PythonModule module) {
        SearchGrids grids = new SearchGrids(module);
        List<Call> calls = module.calls();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).simpleName().endsWith("SearchCV")) {
                Expression.Call search = module.callExpression(i);
                Set<String> paths = new HashSet<>();
                grids.seedPaths(search.argument(1, GRID), paths, 0);
                if (!paths.isEmpty()) {
                    grids.mark(search.argument(0, ESTIMATOR), paths, 0);
                }
            }
        }
        return grids.seeded;
    }

    /** Adds the step paths a grid seeds: "" for the estimator itself, {@code clf} for {@code clf__seed}. */
    private void seedPaths(Expression grid, Set<String> paths, int hops) {
        if (grid == null || --budget < 0) {
            return;
        }
        if (hops > MAX_HOPS) {
            cuts++;
            return;
        }
        if (grid instanceof Expression.Name name) {
            GridPaths known = gridPaths.get(name.dotted());
            if (known == null || known.cut() && hops < known.hops()) {
                Set<String> own = new HashSet<>();
                // a name assigned itself reads as seeding nothing more
                gridPaths.put(name.dotted(), new GridPaths(own, hops, false));
                int before = cuts;
                for (Expression v : module.assignedValues(name.dotted())) {
                    seedPaths(v, own, hops + 1);
                }
                known = new GridPaths(own, hops, cuts != before);
                gridPaths.put(name.dotted(), known);
            }
            paths.addAll(known.paths());
        } else if (grid instanceof Expression.Dict dict) {
            dict.entries().forEach((key, value) -> addPath(key, value, paths));
            for (Expression spread : dict.spreads()) {
                seedPaths(spread, paths, hops + 1);
            }
        } else if (grid instanceof Expression.Sequence list) {
            for (Expression e : list.elements()) {
                seedPaths(e, paths, hops + 1);
            }
        } else if (grid instanceof Expression.Call call && "dict".equals(module.calls().get(call.index()).callee())) {
            call.keywords().forEach((key, value) -> addPath(key, value, paths));
            for (Expression p : call.positional()) {
                seedPaths(p, paths, hops + 1);
            }
        }
    }

    private static void addPath(String key, Expression values, Set<String> paths) {
        if (isNone(values) || values instanceof Expression.Sequence s && !s.elements().isEmpty()
                && s.elements().stream().allMatch(SearchGrids::isNone)) {
            return;
        }
        int split = key.lastIndexOf("__");
        if (SEED_PARAMETERS.contains(split < 0 ? key : key.substring(split + 2))) {
            paths.add(split < 0 ? "" : key.substring(0, split));
        }
    }

    private static boolean isNone(Expression e) {
        return e instanceof Expression.Literal l && l.kind() == ValueKind.NONE;
    }

    /** Marks the calls the paths reach from this estimator expression. */
    private void mark(Expression estimator, Set<String> paths, int hops) {
        if (estimator == null || hops > MAX_HOPS || --budget < 0) {
            return;
        }
        if (estimator instanceof Expression.Name name) {
            String key = name.dotted() + " " + new TreeSet<>(paths);
            Integer before = followed.get(key);
            if (before == null || hops < before) { // fewer hops reach further: at most MAX_HOPS + 1 times
                followed.put(key, hops);
                for (Expression v : module.assignedValues(name.dotted())) {
                    mark(v, paths, hops + 1);
                }
            }
            return;
        }
        if (!(estimator instanceof Expression.Call call)) {
            return;
        }
        Map<String, Set<String>> byStep = new HashMap<>();
        for (String path : paths) {
            if (path.isEmpty()) {
                seeded.add(call.index());
                continue;
            }
            int split = path.indexOf("__");
            byStep.computeIfAbsent(split < 0 ? path : path.substring(0, split), k -> new HashSet<>())
                    .add(split < 0 ? "" : path.substring(split + 2));
        }
        byStep.forEach((step, rest) -> mark(step(call, step, hops), rest, hops + 1));
    }

    /** The estimator a pipeline, ensemble or wrapper call holds under this step or parameter name, or null. */
    private Expression step(Expression.Call call, String name, int hops) {
        String callee = module.calls().get(call.index()).simpleName();
        if (AUTO_NAMED.contains(callee)) {
            // keyed by whether names still resolve at these hops, so a reading cut by the bound serves no other
            return autoNames.computeIfAbsent(call.index() * 2 + (hops < MAX_HOPS ? 1 : 0),
                    i -> autoNamed(call.positional(), hops)).get(name);
        }
        for (Expression steps : resolve(call.argument(0, NAMED_STEPS), hops)) {
            if (steps instanceof Expression.Sequence list) {
                Expression step = namedSteps(list).get(name);
                if (step != null) {
                    return step;
                }
            }
        }
        Expression keyword = call.keywords().get(name);
        if (keyword != null) {
            return keyword;
        }
        return WRAPPED.contains(name) && !call.positional().isEmpty() ? call.positional().get(0) : null;
    }

    /**
     * The {@code (name, estimator)} pairs of a steps list by name, the first of a name winning: indexed once per
     * list and charged to the budget, so many grid paths into one long pipeline cost its length once, not each.
     */
    private Map<String, Expression> namedSteps(Expression.Sequence list) {
        return stepIndex.computeIfAbsent(list, key -> {
            budget -= list.elements().size();
            Map<String, Expression> byName = new HashMap<>();
            for (Expression e : list.elements()) {
                if (e instanceof Expression.Sequence pair && pair.elements().size() >= 2
                        && pair.elements().get(0) instanceof Expression.Literal l && l.value() != null) {
                    byName.putIfAbsent(l.value(), pair.elements().get(1));
                }
            }
            return byName;
        });
    }

    /** An expression, or the values the file assigns to it when it is a name. */
    private List<Expression> resolve(Expression e, int hops) {
        if (e instanceof Expression.Name name && hops < MAX_HOPS) {
            List<Expression> values = module.assignedValues(name.dotted());
            budget -= values.size();
            return budget < 0 ? List.of() : values;
        }
        return e == null ? List.of() : List.of(e);
    }

    /** Like scikit-learn's {@code _name_estimators}: lower-cased class names, {@code -1}, {@code -2} if repeated. */
    private Map<String, Expression> autoNamed(List<Expression> estimators, int hops) {
        budget -= estimators.size();
        if (budget < 0) {
            return Map.of();
        }
        String[] names = new String[estimators.size()];
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (Expression e : resolve(estimators.get(i), hops)) {
                if (e instanceof Expression.Call c) {
                    names[i] = module.calls().get(c.index()).simpleName().toLowerCase(Locale.ROOT);
                    break;
                }
            }
            if (names[i] != null) {
                count.merge(names[i], 1, Integer::sum);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Expression> out = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                String name = names[i];
                if (count.get(name) > 1) {
                    name += "-" + seen.merge(name, 1, Integer::sum);
                }
                out.put(name, estimators.get(i));
            }
        }
        return out;
    }
}
