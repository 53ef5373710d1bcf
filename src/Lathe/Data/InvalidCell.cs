namespace Lathe.Data;

/// <summary>A cell of a numeric column that holds no valid number: text such as "1O", or an infinite value.</summary>
/// <param name="Row">0-based row of the table.</param>
/// <param name="Line">Line of the file (1-based), or 0 when the table did not come from a text file.</param>
/// <param name="Infinite">True for an infinite value, false for text that is not a number.</param>
public sealed record InvalidCell(string Column, int Row, int Line, string Text, bool Infinite);
