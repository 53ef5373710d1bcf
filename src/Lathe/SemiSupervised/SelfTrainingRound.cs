namespace Lathe.SemiSupervised;

/// <summary>
/// One round of self-training: the model fitted on <see cref="TrainRows"/> rows (of which
/// <see cref="PseudoLabelledRows"/> carry pseudo-labels), its validation scores, and the rows it then added.
/// </summary>
public sealed record SelfTrainingRound(
    int Round,
    int TrainRows,
    int PseudoLabelledRows,
    IReadOnlyDictionary<string, double>? Validation,
    int Added,
    IReadOnlyDictionary<string, int> AddedPerClass,
    int UnlabeledLeft);
