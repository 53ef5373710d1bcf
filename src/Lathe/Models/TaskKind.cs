namespace Lathe.Models;

/// <summary>What a model learns to predict.</summary>
public enum TaskKind
{
    Classification,
    Regression,
}
