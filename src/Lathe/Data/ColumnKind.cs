namespace Lathe.Data;

/// <summary>How a column's values are stored and what they mean.</summary>
public enum ColumnKind
{
    /// <summary>float32 values; NaN marks a missing value.</summary>
    Numeric,
    /// <summary>Dictionary codes into a list of category names; -1 marks a missing value.</summary>
    Categorical,
    /// <summary>Free text; null marks a missing value.</summary>
    Text,
    /// <summary>A fixed-length float32 vector per row, such as an image's pixels, with a shape.</summary>
    Vector,
}
