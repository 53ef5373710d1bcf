using System.Text.Json;
using Lathe.Tuning.Distributions;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Studies;

namespace Lathe.Tuning.Trials;

/// <summary>
/// A running trial, asked for its params one at a time (define-by-run): <c>trial.SuggestFloat("lr", 1e-4, 1e-1, log: true)</c>.
/// Params fixed in advance (a grid point, an enqueued trial) are returned as fixed. Every value is written to
/// storage at once, so other workers' samplers and pruners see it.
/// </summary>
public sealed class Trial
{
    private readonly Study _study;
    private readonly Dictionary<string, double> _params;
    private readonly Dictionary<string, ParamDistribution> _distributions;
    private readonly SortedDictionary<int, double> _intermediate = [];
    private IReadOnlyList<FrozenTrial>? _history;
    private bool _diverged;

    internal Trial(Study study, FrozenTrial started)
    {
        _study = study;
        Id = started.Id;
        Number = started.Number;
        _params = new(started.InternalParams);
        _distributions = new(started.Distributions);
    }

    public long Id { get; }

    public int Number { get; }

    /// <summary>Params suggested so far, as the objective saw them.</summary>
    public IReadOnlyDictionary<string, object?> Params => Snapshot().Params;

    public IReadOnlyDictionary<int, double> IntermediateValues => _intermediate;

    public double SuggestFloat(string name, double low, double high, bool log = false, double? step = null) =>
        SuggestInternal(name, new FloatDistribution(low, high, log, step));

    public int SuggestInt(string name, int low, int high, int step = 1, bool log = false) =>
        (int)Math.Round(SuggestInternal(name, new IntDistribution(low, high, step, log)));

    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices)
    {
        var distribution = CategoricalDistribution.Of(choices);
        var value = SuggestInternal(name, distribution);
        return choices[(int)value];
    }

    /// <summary>A value from any distribution, as <see cref="ParamDistribution.ToExternal"/> gives it.</summary>
    public object? Suggest(string name, ParamDistribution distribution) => distribution.ToExternal(SuggestInternal(name, distribution));

    /// <summary>The internal value (a choice's index) for a param, sampling it the first time.</summary>
    public double SuggestInternal(string name, ParamDistribution distribution)
    {
        if (_params.TryGetValue(name, out var fixedValue))
        {
            if (_distributions[name].SameAs(distribution)) return fixedValue;
            // An enqueued value asked for with another range: kept if it fits, otherwise the trial is mis-specified.
            if (!distribution.Contains(fixedValue))
                throw LatheException.BadConfig($"param '{name}' of trial {Number} is {_distributions[name].ToExternal(fixedValue)}, outside the range it is now asked for.");
            _distributions[name] = distribution;
            _study.Storage.SetParam(Id, name, fixedValue, distribution);
            return fixedValue;
        }
        _history ??= _study.Storage.Trials(_study.Id);
        var value = _study.Sampler.Sample(new SamplingContext(_study.Direction, _history, Snapshot()), name, distribution);
        _params[name] = value;
        _distributions[name] = distribution;
        _study.Storage.SetParam(Id, name, value, distribution);
        return value;
    }

    /// <summary>Records the objective's value at a step (an epoch, a boosting round). A value that is not finite makes the trial prunable.</summary>
    public void Report(int step, double value)
    {
        if (!double.IsFinite(value))
        {
            _diverged = true;
            return;
        }
        _intermediate[step] = value;
        _study.Storage.ReportIntermediate(Id, step, value);
    }

    /// <summary>Asks the study's pruner whether this trial should stop now, given every trial's reports.</summary>
    public bool ShouldPrune() =>
        _diverged || _study.Pruner.ShouldPrune(_study.Direction, _study.Storage.Trials(_study.Id), Snapshot());

    /// <summary>Throws <see cref="TrialPrunedException"/> when <see cref="ShouldPrune"/> says so.</summary>
    public void PruneIfNeeded()
    {
        if (ShouldPrune()) throw new TrialPrunedException($"trial {Number} pruned at step {(_intermediate.Count > 0 ? _intermediate.Keys.Max() : 0)}");
    }

    /// <summary>Attaches a value (anything JSON can hold) to the trial, e.g. its run folder.</summary>
    public void SetUserAttr(string key, object? value) => _study.Storage.SetUserAttr(Id, key, JsonSerializer.Serialize(value));

    /// <summary>The trial as it stands, for samplers and pruners.</summary>
    public FrozenTrial Snapshot() => new()
    {
        Id = Id, Number = Number, State = TrialState.Running,
        InternalParams = new Dictionary<string, double>(_params),
        Distributions = new Dictionary<string, ParamDistribution>(_distributions),
        IntermediateValues = new SortedDictionary<int, double>(_intermediate),
    };
}
