using System.Text.Json.Nodes;
using Lathe.Torch.Schedules;
using Lathe.Training;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>
/// Writes and reads everything a resumed fit needs to continue exactly: weights, optimizer moments,
/// both random number generators, the schedule's state, the epoch and step, and every stateful callback.
/// </summary>
internal sealed class TrainerCheckpoints(CheckpointSettings settings)
{
    private double _best = double.NaN;
    private bool _warnedMonitor;

    public CheckpointSettings Settings { get; } = settings;

    public readonly record struct Position(int Epoch, long Step);

    public void Save(int epoch, long step, IReadOnlyDictionary<string, double> metrics, nn.Module net, optim.Optimizer optimizer,
        Generator shuffle, IMetricSchedule? schedule, FitContext context)
    {
        if (Settings.Monitor is { } watched && !metrics.ContainsKey(watched) && !_warnedMonitor)
        {
            _warnedMonitor = true;
            context.Log($"note: checkpoint.monitor '{watched}' is not reported ({string.Join(", ", metrics.Keys)}), so no best checkpoint is kept");
        }
        // Update the best value first, so every checkpoint of this epoch records it.
        var improved = Settings.Monitor is { } monitor && metrics.TryGetValue(monitor, out var value) && double.IsFinite(value) &&
                       (double.IsNaN(_best) || (EarlyStopping.IsLowerBetter(monitor) ? value < _best : value > _best));
        if (improved) _best = metrics[Settings.Monitor!];
        Write(Settings.LastPath, epoch, step, net, optimizer, shuffle, schedule, context);
        if (Settings.EveryEpochs > 0 && epoch % Settings.EveryEpochs == 0)
            Write(Path.Combine(Settings.Directory, $"epoch-{epoch}"), epoch, step, net, optimizer, shuffle, schedule, context);
        if (improved) Write(Settings.BestPath, epoch, step, net, optimizer, shuffle, schedule, context);
    }

    public Position Resume(string from, nn.Module net, optim.Optimizer optimizer, Generator shuffle, IMetricSchedule? schedule, FitContext context)
    {
        var path = CheckpointFolder.Locate(from)
            ?? throw LatheException.BadData($"{from}: no checkpoint to resume from (a run writes checkpoints/last after its first epoch).");
        var checkpoint = CheckpointFolder.Open(path);
        var trainer = checkpoint.ReadJson("trainer");
        net.load_safetensors(checkpoint.FilePath("model.safetensors"));
        using (var reader = new BinaryReader(File.OpenRead(checkpoint.FilePath("optimizer.bin"))))
            ((OptimizerHelper)optimizer).load_state_dict(reader);
        using (var state = tensor(checkpoint.ReadBytes("shuffle_rng.bin"))) shuffle.set_state(state);
        using (var state = tensor(checkpoint.ReadBytes("torch_rng.bin"))) random.set_rng_state(state);
        if (schedule is not null && trainer["schedule"] is JsonObject scheduleState) schedule.LoadState(scheduleState);
        _best = (double?)trainer["best"] ?? double.NaN;
        foreach (var callback in context.Callbacks.OfType<IStatefulCallback>())
            if (checkpoint.Has(callback.StateName + ".json")) callback.LoadState(checkpoint, context);
        return new Position((int)trainer["epoch"]!, (long)trainer["step"]!);
    }

    private void Write(string path, int epoch, long step, nn.Module net, optim.Optimizer optimizer, Generator shuffle,
        IMetricSchedule? schedule, FitContext context)
    {
        var checkpoint = CheckpointFolder.ForWriting(path);
        using (var weights = new MemoryStream())
        {
            net.save_safetensors(weights, leaveOpen: true);
            checkpoint.WriteBytes("model.safetensors", weights.ToArray());
        }
        using (var moments = new MemoryStream())
        {
            using (var writer = new BinaryWriter(moments, System.Text.Encoding.UTF8, leaveOpen: true))
                ((OptimizerHelper)optimizer).save_state_dict(writer);
            checkpoint.WriteBytes("optimizer.bin", moments.ToArray());
        }
        using (var state = shuffle.get_state()) checkpoint.WriteBytes("shuffle_rng.bin", state.data<byte>().ToArray());
        using (var state = random.get_rng_state()) checkpoint.WriteBytes("torch_rng.bin", state.data<byte>().ToArray());
        foreach (var callback in context.Callbacks.OfType<IStatefulCallback>()) callback.SaveState(checkpoint, context);
        checkpoint.WriteJson("trainer", new JsonObject
        {
            ["epoch"] = epoch,
            ["step"] = step,
            ["best"] = double.IsNaN(_best) ? null : _best,
            ["schedule"] = schedule?.SaveState(),
        });
        checkpoint.Commit();
    }
}
