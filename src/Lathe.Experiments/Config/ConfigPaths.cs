namespace Lathe.Experiments.Config;

/// <summary>Resolves the data paths of a config, which are relative to the config file's folder.</summary>
public static class ConfigPaths
{
    /// <summary>A copy of the config whose data and pretrained-weights paths are absolute, so the run folder's config.yaml works from anywhere.</summary>
    public static LatheConfig Absolute(LatheConfig config, string configDirectory)
    {
        string? Resolve(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(configDirectory, path));
        var d = config.Data;
        var data = d.Copy();
        data.Path = Resolve(d.Path);
        data.Labels = Resolve(d.Labels);
        data.Train = Resolve(d.Train);
        data.TrainLabels = Resolve(d.TrainLabels);
        data.Validation = Resolve(d.Validation);
        data.ValidationLabels = Resolve(d.ValidationLabels);
        data.Test = Resolve(d.Test);
        data.TestLabels = Resolve(d.TestLabels);
        data.Unlabeled = Resolve(d.Unlabeled);
        var resolvedModel = config.Model.Copy();
        resolvedModel.Pretrained = Resolve(config.Model.Pretrained);
        return new LatheConfig { Name = config.Name, Seed = config.Seed, Data = data, Model = resolvedModel, Train = config.Train, Finetune = config.Finetune };
    }
}
