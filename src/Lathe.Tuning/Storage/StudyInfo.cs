using Lathe.Tuning.Studies;

namespace Lathe.Tuning.Storage;

/// <summary>A study as storage knows it: workers join it by name.</summary>
public sealed record StudyInfo(long Id, string Name, StudyDirection Direction);
