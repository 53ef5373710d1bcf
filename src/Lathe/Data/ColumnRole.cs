namespace Lathe.Data;

/// <summary>What a column is for when a model is trained.</summary>
public enum ColumnRole
{
    Feature,
    Target,
    Group,
    Time,
    Weight,
    /// <summary>Kept in the table (for example an id) but never given to a model.</summary>
    Ignore,
}
