namespace Lathe.Training;

/// <summary>
/// Hooks into any fit through its <see cref="FitContext"/>. Implement only what you need; a callback may
/// ask the fit to stop with <see cref="FitContext.RequestStop"/>.
/// </summary>
public interface ICallback
{
    void OnFitStart(FitContext context) { }

    void OnStep(StepReport report, FitContext context) { }

    void OnFitEnd(FitContext context) { }
}
