using System.Globalization;
using Lathe.Experiments.Config;

namespace Lathe.Experiments.Selection;

/// <summary>
/// The built-in search space of model.type auto: a choice over model families and, under when: conditions,
/// each family's main hyperparameters. A user's tune.space is merged over it (see <see cref="Merge"/>).
/// </summary>
public static class AutoSearchSpace
{
    /// <summary>Most epochs a network trial trains (fewer when train.epochs says so); early stopping ends most sooner.</summary>
    public const int NetworkEpochs = 50;

    /// <summary>Epochs without a better val_loss after which a network trial stops (unless train.early_stopping is set).</summary>
    public const int NetworkPatience = 5;

    public static Dictionary<string, TuneParamConfig> Build(IReadOnlyList<string> families, int trainRows, LatheConfig config)
    {
        var space = new List<(string Key, TuneParamConfig Spec)> { ("model.type", new() { Choice = [.. families] }) };
        void Add(string key, TuneParamConfig spec, params string[] users)
        {
            var used = users.Where(families.Contains).ToList<object?>();
            if (used.Count == 0) return;
            spec.When = new Dictionary<string, object?> { ["model.type"] = used.Count == 1 ? used[0] : used };
            space.Add((key, spec));
        }
        Add("model.c", new() { Loguniform = [1e-3, 1e3] }, "logistic", "svm");
        Add("model.gamma", new() { Choice = ["scale", 0.01, 0.1, 1.0] }, "svm");
        Add("model.penalty", new() { Choice = ["none", "l2", "l1"] }, "linear");
        if (families.Contains("linear"))
            space.Add(("model.alpha", new() { Loguniform = [1e-4, 10], When = new() { ["model.penalty"] = new List<object?> { "l2", "l1" } } }));
        Add("model.k", new() { Int = [1, Math.Max(2, Math.Min(30, trainRows - 1))] }, "knn");
        Add("model.weights", new() { Choice = ["uniform", "distance"] }, "knn");
        Add("model.trees", new() { Int = [50, 300], Step = 50 }, "forest");
        Add("model.max_depth", new() { Choice = [null, 4, 8, 16] }, "forest");
        Add("model.min_samples_leaf", new() { Int = [1, 20] }, "forest", "gbdt");
        Add("model.learning_rate", new() { Loguniform = [0.01, 0.3] }, "gbdt");
        Add("model.leaves", new() { Int = [4, 64], Log = true }, "gbdt");
        Add("model.rounds", new() { Int = [50, 400], Step = 50 }, "gbdt");
        Add("model.hidden", new() { Choice = [new List<object?> { 32 }, new List<object?> { 64 }, new List<object?> { 64, 32 }, new List<object?> { 128, 64 }] }, "mlp");
        Add("train.optimizer.lr", new() { Loguniform = [1e-4, 1e-2] }, "mlp");
        Add("train.epochs", new() { Choice = [Math.Min(config.Train.Epochs, NetworkEpochs)] }, "mlp");
        if (config.Train.EarlyStopping is null) Add("train.early_stopping.patience", new() { Choice = [NetworkPatience] }, "mlp");
        return new Dictionary<string, TuneParamConfig>(space.Select(p => KeyValuePair.Create(p.Key, p.Spec)));
    }

    /// <summary>
    /// The user's tune.space over the built-in one: an entry with the same key replaces the built-in entry in its
    /// place; new keys follow. When model.type is replaced, built-in params of families no longer in its
    /// choice are dropped.
    /// </summary>
    public static Dictionary<string, TuneParamConfig> Merge(Dictionary<string, TuneParamConfig> builtIn, IReadOnlyDictionary<string, TuneParamConfig> user)
    {
        var merged = new List<(string Key, TuneParamConfig Spec)>();
        var types = user.TryGetValue("model.type", out var typeSpec) && typeSpec.Choice is { } c
            ? c.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToHashSet()
            : null;
        foreach (var (key, spec) in builtIn)
        {
            if (user.TryGetValue(key, out var mine)) { merged.Add((key, mine)); continue; }
            if (types is not null && spec.When?.TryGetValue("model.type", out var users) == true)
            {
                var kept = (users is List<object?> list ? list : [users]).Where(u => types.Contains(Convert.ToString(u, CultureInfo.InvariantCulture))).ToList();
                if (kept.Count == 0) continue;
                spec.When["model.type"] = kept.Count == 1 ? kept[0] : kept;
            }
            merged.Add((key, spec));
        }
        var keys = merged.Select(m => m.Key).ToHashSet();
        // A param conditioned on one that was dropped (model.alpha on model.penalty) goes with it.
        merged.RemoveAll(m => m.Spec.When?.Keys.Any(k => !keys.Contains(k)) == true && !user.ContainsKey(m.Key));
        merged.AddRange(user.Where(u => !builtIn.ContainsKey(u.Key)).Select(u => (u.Key, u.Value)));
        return new Dictionary<string, TuneParamConfig>(merged.Select(p => KeyValuePair.Create(p.Key, p.Spec)));
    }

    /// <summary>One line per param: "model.c: loguniform [0.001, 1000] when model.type is logistic or svm".</summary>
    public static IEnumerable<string> Describe(IReadOnlyDictionary<string, TuneParamConfig> space)
    {
        foreach (var (key, spec) in space)
        {
            var range = spec switch
            {
                { Choice: { } c } => $"choice [{string.Join(", ", c.Select(Text))}]",
                { Int: { } i } => $"int [{i[0]}, {i[1]}]{(spec.Step is { } s ? $" step {Text(s)}" : "")}{(spec.Log ? " log" : "")}",
                { Loguniform: { } l } => $"loguniform [{Text(l[0])}, {Text(l[1])}]",
                { Uniform: { } u } => $"uniform [{Text(u[0])}, {Text(u[1])}]{(spec.Step is { } s ? $" step {Text(s)}" : "")}",
                _ => "?",
            };
            var when = spec.When is { Count: > 0 } w
                ? " when " + string.Join(" and ", w.Select(kv => $"{kv.Key} is {(kv.Value is List<object?> l ? string.Join(" or ", l.Select(Text)) : Text(kv.Value))}"))
                : "";
            yield return $"{key}: {range}{when}";
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        List<object?> list => $"[{string.Join(", ", list.Select(Text))}]",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
