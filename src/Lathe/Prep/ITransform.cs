using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// A data preparation step (imputer, scaler, encoder). <see cref="Fit"/> learns its statistics from the
/// training rows only and returns the fitted step, which is saved with the model so prediction applies
/// exactly the training-time preparation.
/// </summary>
public interface ITransform
{
    string Type { get; }

    IFittedTransform Fit(Table table);
}

/// <summary>A transform with its learned state.</summary>
public interface IFittedTransform
{
    string Type { get; }

    Table Transform(Table table);

    /// <summary>The learned state as plain data, including "type"; read back by <see cref="TransformFormats.Load"/>.</summary>
    JsonObject ToJson();
}
