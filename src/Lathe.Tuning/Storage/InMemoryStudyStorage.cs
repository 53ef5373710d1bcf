using Lathe.Tuning.Distributions;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Storage;

/// <summary>Study storage in this process's memory, behind one lock: for threads of one process and for tests.</summary>
public sealed class InMemoryStudyStorage(Func<double>? clock = null) : IStudyStorage
{
    private readonly Lock _lock = new();
    private readonly Func<double> _clock = clock ?? (() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0);
    private readonly List<StudyInfo> _studies = [];
    private readonly Dictionary<long, HashSet<string>> _queuedKeys = [];
    private readonly List<TrialRecord> _trials = [];

    private sealed class TrialRecord
    {
        public required long Id;
        public required long StudyId;
        public required int Number;
        public TrialState State;
        public double? Value;
        public string? Worker;
        public double? StartedAt, CompletedAt, HeartbeatAt;
        public readonly Dictionary<string, double> Params = [];
        public readonly Dictionary<string, ParamDistribution> Distributions = [];
        public readonly SortedDictionary<int, double> Intermediate = [];
        public readonly Dictionary<string, string> Attrs = [];

        public FrozenTrial Freeze() => new()
        {
            Id = Id, Number = Number, State = State, Value = Value, Worker = Worker, StartedAt = StartedAt, CompletedAt = CompletedAt,
            InternalParams = new Dictionary<string, double>(Params),
            Distributions = new Dictionary<string, ParamDistribution>(Distributions),
            IntermediateValues = new SortedDictionary<int, double>(Intermediate),
            UserAttrs = new Dictionary<string, string>(Attrs),
        };
    }

    public StudyInfo CreateOrLoadStudy(string name, StudyDirection direction)
    {
        lock (_lock)
        {
            if (_studies.FirstOrDefault(s => s.Name == name) is { } found) return StudyCheck.SameDirection(found, direction);
            var study = new StudyInfo(_studies.Count + 1, name, direction);
            _studies.Add(study);
            return study;
        }
    }

    public StudyInfo? FindStudy(string name)
    {
        lock (_lock) return _studies.FirstOrDefault(s => s.Name == name);
    }

    public IReadOnlyList<StudyInfo> Studies()
    {
        lock (_lock) return [.. _studies];
    }

    public bool EnqueueOnce(long studyId, string key, IReadOnlyList<IReadOnlyList<QueuedParam>> trials)
    {
        lock (_lock)
        {
            var keys = _queuedKeys.TryGetValue(studyId, out var k) ? k : _queuedKeys[studyId] = [];
            if (!keys.Add(key)) return false;
            foreach (var t in trials) Enqueue(studyId, t);
            return true;
        }
    }

    public void Enqueue(long studyId, IReadOnlyList<QueuedParam> parameters)
    {
        lock (_lock)
        {
            var record = NewTrial(studyId, TrialState.Waiting);
            foreach (var p in parameters) (record.Params[p.Name], record.Distributions[p.Name]) = (p.Value, p.Distribution);
        }
    }

    public FrozenTrial? StartTrial(long studyId, TrialRequest request)
    {
        lock (_lock)
        {
            var counted = _trials.Count(t => t.StudyId == studyId && t.State is TrialState.Running or TrialState.Complete or TrialState.Pruned);
            if (request.MaxTrials is { } max && counted >= max) return null;
            var record = _trials.FirstOrDefault(t => t.StudyId == studyId && t.State == TrialState.Waiting);
            if (record is null)
            {
                if (request.QueuedOnly) return null;
                record = NewTrial(studyId, TrialState.Running);
            }
            record.State = TrialState.Running;
            record.Worker = request.Worker;
            record.StartedAt = record.HeartbeatAt = _clock();
            return record.Freeze();
        }
    }

    public void SetParam(long trialId, string name, double internalValue, ParamDistribution distribution)
    {
        lock (_lock) (Find(trialId).Params[name], Find(trialId).Distributions[name]) = (internalValue, distribution);
    }

    public void ReportIntermediate(long trialId, int step, double value)
    {
        lock (_lock) Find(trialId).Intermediate[step] = value;
    }

    public void SetUserAttr(long trialId, string key, string json)
    {
        lock (_lock) Find(trialId).Attrs[key] = json;
    }

    public void Heartbeat(long trialId)
    {
        lock (_lock) Find(trialId).HeartbeatAt = _clock();
    }

    public bool FinishTrial(long trialId, TrialState state, double? value)
    {
        lock (_lock)
        {
            var record = Find(trialId);
            if (record.State != TrialState.Running) return false;
            (record.State, record.Value, record.CompletedAt) = (state, value, _clock());
            return true;
        }
    }

    public IReadOnlyList<FrozenTrial> ReapStaleTrials(long studyId, double graceSeconds, bool requeue)
    {
        lock (_lock)
        {
            var now = _clock();
            var stale = _trials.Where(t => t.StudyId == studyId && t.State == TrialState.Running && t.HeartbeatAt < now - graceSeconds).ToList();
            foreach (var t in stale)
            {
                (t.State, t.CompletedAt) = (TrialState.Failed, now);
                if (requeue) Enqueue(studyId, [.. t.Params.Select(p => new QueuedParam(p.Key, p.Value, t.Distributions[p.Key]))]);
            }
            return [.. stale.Select(t => t.Freeze())];
        }
    }

    public IReadOnlyList<FrozenTrial> Trials(long studyId)
    {
        lock (_lock) return [.. _trials.Where(t => t.StudyId == studyId).Select(t => t.Freeze())];
    }

    public FrozenTrial Trial(long trialId)
    {
        lock (_lock) return Find(trialId).Freeze();
    }

    public void Dispose() { }

    private TrialRecord NewTrial(long studyId, TrialState state)
    {
        var record = new TrialRecord
        {
            Id = _trials.Count + 1, StudyId = studyId, State = state,
            Number = _trials.Count(t => t.StudyId == studyId),
        };
        _trials.Add(record);
        return record;
    }

    private TrialRecord Find(long trialId) =>
        trialId >= 1 && trialId <= _trials.Count ? _trials[(int)trialId - 1] : throw new ArgumentException($"No trial with id {trialId}.");
}
