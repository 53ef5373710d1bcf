using Lathe.Tuning.Studies;

namespace Lathe.Tuning.Storage;

/// <summary>Checks every backend makes the same way when a worker joins a study.</summary>
internal static class StudyCheck
{
    public static StudyInfo SameDirection(StudyInfo found, StudyDirection direction) =>
        found.Direction == direction
            ? found
            : throw LatheException.BadConfig(
                $"study '{found.Name}' exists and was created to {found.Direction.Name()}, not {direction.Name()}; use another study name or the same direction.");
}
