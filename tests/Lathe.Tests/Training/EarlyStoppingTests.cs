using Lathe.Training;

namespace Lathe.Tests.Training;

public class EarlyStoppingTests
{
    private sealed class CounterState : ITrainingState
    {
        public int Value;

        public object Capture() => Value;

        public void Restore(object state) => Value = (int)state;

        public byte[] Serialize(object state) => BitConverter.GetBytes((int)state);

        public object Deserialize(byte[] bytes) => BitConverter.ToInt32(bytes);
    }

    private static Dictionary<string, double> Loss(double v) => new() { ["val_loss"] = v };

    [Fact]
    public void Stops_after_patience_steps_without_improvement_and_restores_the_best_state()
    {
        var stopping = new EarlyStopping("val_loss", patience: 2);
        var state = new CounterState();
        var context = new FitContext(callbacks: [stopping]);
        context.Start(totalSteps: 10, state);
        double[] losses = [0.9, 0.5, 0.6, 0.7, 0.4];
        var step = 0;
        while (!context.StopRequested)
        {
            state.Value = ++step * 100; // the "weights" after this step
            context.Report(step, Loss(losses[step - 1]));
        }
        context.Finish();
        Assert.Equal(4, step);
        Assert.Equal(2, stopping.BestStep);
        Assert.Equal(200, state.Value);
        Assert.Contains("has not improved for 2 steps", context.StopReason);
    }

    [Fact]
    public void Accuracy_like_metrics_are_maximized()
    {
        var stopping = new EarlyStopping("val_accuracy", patience: 1);
        var context = new FitContext(callbacks: [stopping]);
        context.Start(5, null);
        context.Report(1, new Dictionary<string, double> { ["val_accuracy"] = 0.5 });
        context.Report(2, new Dictionary<string, double> { ["val_accuracy"] = 0.7 });
        Assert.False(context.StopRequested);
        context.Report(3, new Dictionary<string, double> { ["val_accuracy"] = 0.6 });
        Assert.True(context.StopRequested);
        Assert.Equal(0.7, stopping.Best);
    }

    [Fact]
    public void A_monitor_the_fit_does_not_report_is_a_config_error_naming_what_is_reported()
    {
        var context = new FitContext(callbacks: [new EarlyStopping("val_loss", 3)]);
        context.Start(5, null);
        var e = Assert.Throws<LatheException>(() => context.Report(1, new Dictionary<string, double> { ["train_loss"] = 1 }));
        Assert.Equal(ErrorKind.Config, e.Kind);
        Assert.Contains("train_loss", e.Message);
    }

    [Fact]
    public void Progress_steps_without_train_loss_are_not_judged()
    {
        // An SVM reports each one-vs-one problem (iterations, support vectors) and the losses only on its last step.
        var stopping = new EarlyStopping("val_loss", 1);
        var context = new FitContext(callbacks: [stopping]);
        context.Start(3, null);
        context.Report(1, new Dictionary<string, double> { ["iterations"] = 10 });
        context.Report(2, new Dictionary<string, double> { ["iterations"] = 12 });
        context.Report(3, new Dictionary<string, double> { ["iterations"] = 9, ["train_loss"] = 0.2, ["val_loss"] = 0.3 });
        Assert.False(context.StopRequested);
        Assert.Equal(3, stopping.BestStep);
    }

    [Fact]
    public void History_writes_one_csv_row_per_step()
    {
        var history = new History();
        var context = new FitContext(callbacks: [history]);
        context.Start(2, null);
        context.Report(1, new Dictionary<string, double> { ["train_loss"] = 0.5, ["val_loss"] = 0.25 });
        context.Report(2, new Dictionary<string, double> { ["train_loss"] = 0.125 });
        Assert.Equal("epoch,train_loss,val_loss\n1,0.5,0.25\n2,0.125,\n", history.ToCsv());
        var json = System.Text.Json.Nodes.JsonNode.Parse(history.ToJson())!.AsArray();
        Assert.Equal(0.125, (double)json[1]!["train_loss"]!);
        Assert.Null(json[1]!["val_loss"]);
    }

    [Fact]
    public void Cancellation_stops_a_fit_at_its_next_report()
    {
        using var source = new CancellationTokenSource();
        var context = new FitContext(cancellation: source.Token);
        context.Start(3, null);
        context.Report(1, Loss(1));
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => context.Report(2, Loss(1)));
    }
}
