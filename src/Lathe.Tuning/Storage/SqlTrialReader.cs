using Lathe.Tuning.Distributions;
using Lathe.Tuning.Trials;
using Lathe.Storage;

namespace Lathe.Tuning.Storage;

/// <summary>Reads trials with their params, intermediate values and attributes: one query per table.</summary>
internal static class SqlTrialReader
{
    public static List<FrozenTrial> Read(SqlSession s, string where, (string, object?) parameter)
    {
        var trials = s.Query(
            $"SELECT t.trial_id, t.number, t.state, t.value, t.worker, t.started_at, t.completed_at FROM tune_trials t WHERE {where} ORDER BY t.number",
            r => (Id: Convert.ToInt64(r.GetValue(0)), Number: Convert.ToInt32(r.GetValue(1)), State: TrialStates.Parse(r.GetString(2)),
                Value: SqlSession.NullableDouble(r, 3), Worker: r.IsDBNull(4) ? null : r.GetString(4),
                Started: SqlSession.NullableDouble(r, 5), Completed: SqlSession.NullableDouble(r, 6)),
            parameter);
        var inTrials = $"IN (SELECT t.trial_id FROM tune_trials t WHERE {where})";
        var parameters = s.Query($"SELECT trial_id, name, value, distribution FROM tune_trial_params WHERE trial_id {inTrials}",
            r => (Id: Convert.ToInt64(r.GetValue(0)), Name: r.GetString(1), Value: Convert.ToDouble(r.GetValue(2)), Distribution: r.GetString(3)),
            parameter).ToLookup(p => p.Id);
        var values = s.Query($"SELECT trial_id, step, value FROM tune_trial_values WHERE trial_id {inTrials}",
            r => (Id: Convert.ToInt64(r.GetValue(0)), Step: Convert.ToInt32(r.GetValue(1)), Value: Convert.ToDouble(r.GetValue(2))),
            parameter).ToLookup(v => v.Id);
        var attrs = s.Query($"SELECT trial_id, key, value FROM tune_trial_attrs WHERE trial_id {inTrials}",
            r => (Id: Convert.ToInt64(r.GetValue(0)), Key: r.GetString(1), Value: r.GetString(2)),
            parameter).ToLookup(a => a.Id);
        // Distributions repeat across trials: parse each text once.
        var parsed = new Dictionary<string, ParamDistribution>(StringComparer.Ordinal);
        ParamDistribution Parse(string json) => parsed.TryGetValue(json, out var d) ? d : parsed[json] = ParamDistribution.Parse(json);

        return [.. trials.Select(t => new FrozenTrial
        {
            Id = t.Id, Number = t.Number, State = t.State, Value = t.Value, Worker = t.Worker, StartedAt = t.Started, CompletedAt = t.Completed,
            InternalParams = parameters[t.Id].ToDictionary(p => p.Name, p => p.Value),
            Distributions = parameters[t.Id].ToDictionary(p => p.Name, p => Parse(p.Distribution)),
            IntermediateValues = new SortedDictionary<int, double>(values[t.Id].ToDictionary(v => v.Step, v => v.Value)),
            UserAttrs = attrs[t.Id].ToDictionary(a => a.Key, a => a.Value),
        })];
    }
}
