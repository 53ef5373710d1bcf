using System.Data.Common;
using Lathe.Tuning.Distributions;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;
using Lathe.Storage;

namespace Lathe.Tuning.Storage;

/// <summary>
/// Study storage in a SQL database (the tables in <see cref="SqlSchema"/>). Each call opens a pooled
/// connection, so one storage serves many threads; steps that hand out trial numbers or queued trials run in a
/// transaction that the dialect makes exclusive per study, so many processes on many machines can share a study.
/// </summary>
public abstract class SqlStudyStorage : IStudyStorage
{
    private const string Counted = "('running', 'complete', 'pruned')";
    private readonly SqlDialect _dialect;

    private protected SqlStudyStorage(SqlDialect dialect)
    {
        _dialect = dialect;
        SqlSchema.Migrate(dialect);
    }

    /// <summary>The version of the study tables after opening (<see cref="SqlSchema.CurrentVersion"/>).</summary>
    public int SchemaVersion
    {
        get
        {
            using var connection = _dialect.Open();
            return SqlSchema.Version(connection, null);
        }
    }

    public StudyInfo CreateOrLoadStudy(string name, StudyDirection direction)
    {
        using var s = Exclusive(null);
        var found = FindStudy(s, name);
        if (found is not null) return StudyCheck.SameDirection(found, direction);
        s.Execute($"INSERT INTO tune_studies (name, direction, created_at) VALUES (@n, @d, {_dialect.Now})", ("@n", name), ("@d", direction.Name()));
        var study = FindStudy(s, name)!;
        s.Commit();
        return study;
    }

    public StudyInfo? FindStudy(string name)
    {
        using var s = Plain();
        return FindStudy(s, name);
    }

    public IReadOnlyList<StudyInfo> Studies()
    {
        using var s = Plain();
        return s.Query("SELECT study_id, name, direction FROM tune_studies ORDER BY study_id", ReadStudy);
    }

    public bool EnqueueOnce(long studyId, string key, IReadOnlyList<IReadOnlyList<QueuedParam>> trials)
    {
        using var s = Exclusive(studyId);
        if (Convert.ToInt64(s.Scalar("SELECT COUNT(*) FROM tune_study_keys WHERE study_id = @s AND key = @k", ("@s", studyId), ("@k", key))) > 0)
            return false;
        s.Execute("INSERT INTO tune_study_keys (study_id, key) VALUES (@s, @k)", ("@s", studyId), ("@k", key));
        foreach (var t in trials) Enqueue(s, studyId, t);
        s.Commit();
        return true;
    }

    public void Enqueue(long studyId, IReadOnlyList<QueuedParam> parameters)
    {
        using var s = Exclusive(studyId);
        Enqueue(s, studyId, parameters);
        s.Commit();
    }

    public FrozenTrial? StartTrial(long studyId, TrialRequest request)
    {
        long trialId;
        using (var s = Exclusive(studyId))
        {
            if (request.MaxTrials is { } max &&
                Convert.ToInt64(s.Scalar($"SELECT COUNT(*) FROM tune_trials WHERE study_id = @s AND state IN {Counted}", ("@s", studyId))) >= max)
                return null;
            var waiting = s.Scalar("SELECT trial_id FROM tune_trials WHERE study_id = @s AND state = 'waiting' ORDER BY number LIMIT 1", ("@s", studyId));
            if (waiting is not null)
                trialId = Convert.ToInt64(waiting);
            else if (request.QueuedOnly)
                return null;
            else
                trialId = NewTrial(s, studyId, "running");
            s.Execute($"UPDATE tune_trials SET state = 'running', worker = @w, started_at = {_dialect.Now} WHERE trial_id = @t",
                ("@w", request.Worker), ("@t", trialId));
            Beat(s, trialId);
            s.Commit();
        }
        return Trial(trialId);
    }

    public void SetParam(long trialId, string name, double internalValue, ParamDistribution distribution)
    {
        using var s = Plain();
        s.Execute("INSERT INTO tune_trial_params (trial_id, name, value, distribution) VALUES (@t, @n, @v, @d) " +
                  "ON CONFLICT (trial_id, name) DO UPDATE SET value = excluded.value, distribution = excluded.distribution",
            ("@t", trialId), ("@n", name), ("@v", internalValue), ("@d", distribution.ToJson().ToJsonString()));
    }

    public void ReportIntermediate(long trialId, int step, double value)
    {
        using var s = Plain();
        s.Execute("INSERT INTO tune_trial_values (trial_id, step, value) VALUES (@t, @s, @v) ON CONFLICT (trial_id, step) DO UPDATE SET value = excluded.value",
            ("@t", trialId), ("@s", step), ("@v", value));
    }

    public void SetUserAttr(long trialId, string key, string json)
    {
        using var s = Plain();
        s.Execute("INSERT INTO tune_trial_attrs (trial_id, key, value) VALUES (@t, @k, @v) ON CONFLICT (trial_id, key) DO UPDATE SET value = excluded.value",
            ("@t", trialId), ("@k", key), ("@v", json));
    }

    public void Heartbeat(long trialId)
    {
        using var s = Plain();
        Beat(s, trialId);
    }

    public bool FinishTrial(long trialId, TrialState state, double? value)
    {
        using var s = Plain();
        return s.Execute($"UPDATE tune_trials SET state = @st, value = @v, completed_at = {_dialect.Now} WHERE trial_id = @t AND state = 'running'",
            ("@st", state.Name()), ("@v", value), ("@t", trialId)) == 1;
    }

    public IReadOnlyList<FrozenTrial> ReapStaleTrials(long studyId, double graceSeconds, bool requeue)
    {
        List<long> reaped = [];
        using (var s = Exclusive(studyId))
        {
            var stale = s.Query(
                "SELECT t.trial_id FROM tune_trials t LEFT JOIN tune_trial_heartbeats h ON h.trial_id = t.trial_id " +
                $"WHERE t.study_id = @s AND t.state = 'running' AND COALESCE(h.beat_at, t.started_at) < {_dialect.Now} - @g ORDER BY t.number",
                r => Convert.ToInt64(r.GetValue(0)), ("@s", studyId), ("@g", graceSeconds));
            foreach (var id in stale)
            {
                if (s.Execute($"UPDATE tune_trials SET state = 'failed', completed_at = {_dialect.Now} WHERE trial_id = @t AND state = 'running'", ("@t", id)) != 1)
                    continue;
                reaped.Add(id);
                if (!requeue) continue;
                var copy = NewTrial(s, studyId, "waiting");
                s.Execute("INSERT INTO tune_trial_params (trial_id, name, value, distribution) SELECT @c, name, value, distribution FROM tune_trial_params WHERE trial_id = @t",
                    ("@c", copy), ("@t", id));
            }
            s.Commit();
        }
        return [.. reaped.Select(Trial)];
    }

    public IReadOnlyList<FrozenTrial> Trials(long studyId)
    {
        using var s = Plain();
        return SqlTrialReader.Read(s, "t.study_id = @s", ("@s", studyId));
    }

    public FrozenTrial Trial(long trialId)
    {
        using var s = Plain();
        return SqlTrialReader.Read(s, "t.trial_id = @s", ("@s", trialId)).SingleOrDefault()
            ?? throw new ArgumentException($"No trial with id {trialId}.");
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private SqlSession Plain() => new(_dialect.Open());

    private SqlSession Exclusive(long? studyId)
    {
        var connection = _dialect.Open();
        return new SqlSession(connection, _dialect.BeginExclusive(connection, studyId));
    }

    private static StudyInfo? FindStudy(SqlSession s, string name) =>
        s.Query("SELECT study_id, name, direction FROM tune_studies WHERE name = @n", ReadStudy, ("@n", name)).SingleOrDefault();

    private static StudyInfo ReadStudy(DbDataReader r) =>
        new(Convert.ToInt64(r.GetValue(0)), r.GetString(1), StudyDirections.Parse(r.GetString(2), "direction"));

    private long NewTrial(SqlSession s, long studyId, string state)
    {
        var number = Convert.ToInt32(s.Scalar("SELECT COALESCE(MAX(number), -1) + 1 FROM tune_trials WHERE study_id = @s", ("@s", studyId)));
        return Convert.ToInt64(s.Scalar(
            $"INSERT INTO tune_trials (study_id, number, state, created_at) VALUES (@s, @n, @st, {_dialect.Now}) RETURNING trial_id",
            ("@s", studyId), ("@n", number), ("@st", state)));
    }

    private void Enqueue(SqlSession s, long studyId, IReadOnlyList<QueuedParam> parameters)
    {
        var id = NewTrial(s, studyId, "waiting");
        foreach (var p in parameters)
            s.Execute("INSERT INTO tune_trial_params (trial_id, name, value, distribution) VALUES (@t, @n, @v, @d)",
                ("@t", id), ("@n", p.Name), ("@v", p.Value), ("@d", p.Distribution.ToJson().ToJsonString()));
    }

    private void Beat(SqlSession s, long trialId) =>
        s.Execute($"INSERT INTO tune_trial_heartbeats (trial_id, beat_at) VALUES (@t, {_dialect.Now}) ON CONFLICT (trial_id) DO UPDATE SET beat_at = excluded.beat_at",
            ("@t", trialId));
}
