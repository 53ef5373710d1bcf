namespace Lathe.Tuning.Studies;

public enum StudyDirection
{
    Minimize,
    Maximize,
}

public static class StudyDirections
{
    public static string Name(this StudyDirection direction) => direction.ToString().ToLowerInvariant();

    /// <summary>True when <paramref name="a"/> is a better objective value than <paramref name="b"/>.</summary>
    public static bool Better(this StudyDirection direction, double a, double b) => direction == StudyDirection.Minimize ? a < b : a > b;

    public static StudyDirection Parse(string text, string field) => text.ToLowerInvariant() switch
    {
        "minimize" => StudyDirection.Minimize,
        "maximize" => StudyDirection.Maximize,
        _ => throw LatheException.BadConfig($"{field}: '{text}' is not a direction; use minimize or maximize."),
    };
}
