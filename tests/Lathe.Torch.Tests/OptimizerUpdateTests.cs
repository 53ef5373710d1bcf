using Lathe.Torch.Training;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests;

/// <summary>
/// Two optimizer steps on w = [1, 2] with a constant gradient g = [0.5, −2] (loss = Σ g·w), checked
/// against the update rules written out by hand.
/// </summary>
public class OptimizerUpdateTests
{
    private static readonly double[] W0 = [1, 2];
    private static readonly double[] G = [0.5, -2];

    private static double[] TwoSteps(OptimizerOptions options)
    {
        Runtime.TorchRuntime.Initialize();
        using var w = new Parameter(tensor(W0.Select(v => (float)v).ToArray()));
        using var g = tensor(G.Select(v => (float)v).ToArray());
        using var optimizer = OptimizerFactory.Create(options, [w]);
        for (var step = 0; step < 2; step++)
        {
            optimizer.zero_grad();
            using var loss = (w * g).sum();
            loss.backward();
            optimizer.step();
        }
        return [.. w.data<float>().ToArray().Select(v => (double)v)];
    }

    private static void AssertUpdate(OptimizerOptions options, Func<int, double> expected)
    {
        var actual = TwoSteps(options);
        for (var i = 0; i < 2; i++) Assert.Equal(expected(i), actual[i], 5);
    }

    [Fact]
    public void Sgd_with_momentum_and_weight_decay()
    {
        const double lr = 0.1, mu = 0.9, wd = 0.01;
        AssertUpdate(new OptimizerOptions { Type = "sgd", LearningRate = lr, Momentum = mu, WeightDecay = wd }, i =>
        {
            var g1 = G[i] + wd * W0[i];
            var w1 = W0[i] - lr * g1;
            var v2 = mu * g1 + G[i] + wd * w1;
            return w1 - lr * v2;
        });
    }

    [Fact]
    public void Sgd_with_nesterov_momentum()
    {
        const double lr = 0.1, mu = 0.9;
        AssertUpdate(new OptimizerOptions { Type = "sgd", LearningRate = lr, Momentum = mu, Nesterov = true }, i =>
        {
            var v1 = G[i];
            var w1 = W0[i] - lr * (G[i] + mu * v1);
            var v2 = mu * v1 + G[i];
            return w1 - lr * (G[i] + mu * v2);
        });
    }

    private static double Adam(int i, double lr, double b1, double b2, double eps, double decoupledDecay)
    {
        double w = W0[i], m = 0, v = 0;
        for (var t = 1; t <= 2; t++)
        {
            w -= lr * decoupledDecay * w;
            m = b1 * m + (1 - b1) * G[i];
            v = b2 * v + (1 - b2) * G[i] * G[i];
            var mHat = m / (1 - Math.Pow(b1, t));
            var vHat = v / (1 - Math.Pow(b2, t));
            w -= lr * mHat / (Math.Sqrt(vHat) + eps);
        }
        return w;
    }

    [Fact]
    public void Adam_with_bias_correction() =>
        AssertUpdate(new OptimizerOptions { Type = "adam", LearningRate = 0.1 }, i => Adam(i, 0.1, 0.9, 0.999, 1e-8, 0));

    [Fact]
    public void AdamW_decays_weights_apart_from_the_gradient() =>
        AssertUpdate(new OptimizerOptions { Type = "adamw", LearningRate = 0.1, WeightDecay = 0.5 }, i => Adam(i, 0.1, 0.9, 0.999, 1e-8, 0.5));

    [Fact]
    public void RmsProp_divides_by_the_running_mean_square()
    {
        const double lr = 0.01, alpha = 0.99, eps = 1e-8;
        AssertUpdate(new OptimizerOptions { Type = "rmsprop", LearningRate = lr }, i =>
        {
            double w = W0[i], s = 0;
            for (var t = 0; t < 2; t++)
            {
                s = alpha * s + (1 - alpha) * G[i] * G[i];
                w -= lr * G[i] / (Math.Sqrt(s) + eps);
            }
            return w;
        });
    }

    [Fact]
    public void Adagrad_divides_by_the_root_of_summed_squares()
    {
        const double lr = 0.1, eps = 1e-10;
        AssertUpdate(new OptimizerOptions { Type = "adagrad", LearningRate = lr }, i =>
        {
            double w = W0[i], s = 0;
            for (var t = 0; t < 2; t++)
            {
                s += G[i] * G[i];
                w -= lr * G[i] / (Math.Sqrt(s) + eps);
            }
            return w;
        });
    }

    [Fact]
    public void Unknown_optimizers_and_bad_settings_name_the_field()
    {
        Assert.Contains("train.optimizer.type", Assert.Throws<LatheException>(() => new OptimizerOptions { Type = "lion" }.Validate()).Message);
        Assert.Contains("nesterov", Assert.Throws<LatheException>(() => new OptimizerOptions { Type = "adam", Nesterov = true }.Validate()).Message);
    }
}
