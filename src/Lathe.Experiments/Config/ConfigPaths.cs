namespace Lathe.Experiments.Config;

/// <summary>Resolves the data paths of a config, which are relative to the config file's folder.</summary>
public static class ConfigPaths
{
    /// <summary>A copy of the config whose data and pretrained-weights paths are absolute, so the run folder's config.yaml works from anywhere.</summary>
    public static LatheConfig Absolute(LatheConfig config, string configDirectory)
    {
        string? Resolve(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(configDirectory, path));
        var d = config.Data;
        var data = new DataConfig
        {
            Path = Resolve(d.Path), Labels = Resolve(d.Labels),
            Train = Resolve(d.Train), TrainLabels = Resolve(d.TrainLabels),
            Validation = Resolve(d.Validation), ValidationLabels = Resolve(d.ValidationLabels),
            Test = Resolve(d.Test), TestLabels = Resolve(d.TestLabels),
            Format = d.Format, Target = d.Target, Task = d.Task, Columns = d.Columns, Split = d.Split,
        };
        var model = config.Model;
        var resolvedModel = new ModelConfig
        {
            Type = model.Type, Hidden = model.Hidden, Dropout = model.Dropout, Pretrained = Resolve(model.Pretrained),
            Channels = model.Channels, Blocks = model.Blocks, KernelSize = model.KernelSize, BatchNorm = model.BatchNorm,
            Context = model.Context, Layers = model.Layers, Heads = model.Heads, Dim = model.Dim, Units = model.Units, MaxLength = model.MaxLength,
            Criterion = model.Criterion, MaxDepth = model.MaxDepth, MinSamplesSplit = model.MinSamplesSplit, MinSamplesLeaf = model.MinSamplesLeaf,
            MaxFeatures = model.MaxFeatures, Trees = model.Trees, Bootstrap = model.Bootstrap, K = model.K, Weights = model.Weights,
            Kernel = model.Kernel, C = model.C, Gamma = model.Gamma, Degree = model.Degree, Coef0 = model.Coef0, Epsilon = model.Epsilon,
            Tol = model.Tol, Shrinking = model.Shrinking, CacheMb = model.CacheMb, Probability = model.Probability, MaxIter = model.MaxIter,
        };
        return new LatheConfig { Name = config.Name, Seed = config.Seed, Data = data, Model = resolvedModel, Train = config.Train, Finetune = config.Finetune };
    }
}
