using System.Globalization;
using System.Runtime.ExceptionServices;
using Lathe.Training;

namespace Lathe.Models.Svm;

/// <summary>
/// C-support vector classifier (libsvm's C-SVC): one-vs-one, one binary problem per pair of classes, solved
/// in parallel; a row's class is the most probable one (Platt-calibrated, see <see cref="SvmOptions.Probability"/>).
/// </summary>
public sealed class SvmClassifier(SvmOptions? options = null) : SvmEstimator(options ?? new(), TaskKind.Classification);

/// <summary>ε-support vector regression (libsvm's ε-SVR).</summary>
public sealed class SvmRegressor(SvmOptions? options = null) : SvmEstimator(options ?? new(), TaskKind.Regression);

/// <summary>
/// Support vector machines in managed C# after libsvm (Chang and Lin): an SMO solver with second-order
/// working-set selection and shrinking, kernel columns from SIMD dot products in an LRU cache. Each
/// one-vs-one problem (or the regression problem) is one reported step; the last one also carries
/// train_loss and val_loss. Scale the inputs first (the default preparation does).
/// </summary>
public abstract class SvmEstimator : IEstimator
{
    public const string TypeName = "svm";

    /// <summary>Σ (rows of a problem)² · features below which the problems are solved one after another.</summary>
    private const double SmallWork = 1 << 22;

    protected SvmEstimator(SvmOptions options, TaskKind task)
    {
        options.Validate();
        (Options, Task) = (options, task);
    }

    public SvmOptions Options { get; }

    public TaskKind Task { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != Task)
            throw LatheException.BadConfig($"This SVM is for {Task.ToString().ToLowerInvariant()}, but the task is {data.Task.ToString().ToLowerInvariant()}.");
        var features = data.FeatureNames;
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var (classIndices, values) = TargetValues.Of(data);
        var kernel = KernelFunction.From(Options, x, width);
        var norms = DotProducts.SquaredNorms(x, width);
        return classIndices is null
            ? FitRegressor(data, context, features, x, width, norms, kernel, values!)
            : FitClassifier(data, context, features, x, width, norms, kernel, classIndices);
    }

    private SvmModel FitClassifier(TrainingData data, FitContext context, IReadOnlyList<string> features, float[] x, int width, float[] norms,
        KernelFunction kernel, int[] classIndices)
    {
        var classes = data.Classes;
        var labels = classIndices.Distinct().Order().ToArray();
        var members = labels.Select(l => Enumerable.Range(0, classIndices.Length).Where(r => classIndices[r] == l).ToArray()).ToArray();
        var pairs = new List<(int I, int J)>();
        for (var i = 0; i < labels.Length; i++)
            for (var j = i + 1; j < labels.Length; j++) pairs.Add((i, j));
        var problems = pairs.Count;
        var cores = Environment.ProcessorCount;
        // Problems in parallel, unless all of them together are too small to repay starting threads (iris, wine);
        // a problem's kernel columns in parallel only when there are fewer problems than cores. The cache
        // memory is shared by the problems solved at the same time.
        var work = pairs.Sum(p => Math.Pow(members[p.I].Length + members[p.J].Length, 2) * Math.Max(1, width));
        var concurrent = work < SmallWork ? 1 : Math.Min(problems, cores);
        var trainer = new SvmTrainer(kernel, x, width, norms, Options, Options.CacheMb / concurrent, problems < cores, context.Cancellation);
        var seeds = new Random(context.Seed);
        var pairSeeds = pairs.Select(_ => seeds.Next()).ToArray();
        var gate = new object();
        void Log(string line) { lock (gate) context.Log(line); }
        Log(string.Create(CultureInfo.InvariantCulture,
            $"svm: {labels.Length} classes, {problems} one-vs-one problem{(problems == 1 ? "" : "s")}; kernel {kernel}, C {Options.C}, {(Options.Probability ? "probabilities by Platt scaling on 5-fold cross-validation" : "probabilities are vote shares")}"));

        context.Start(problems, null);
        try
        {
            var solutions = new SvmSolution[problems];
            var probA = Options.Probability ? new double[problems] : null;
            var probB = Options.Probability ? new double[problems] : null;
            var finished = 0;
            Dictionary<string, double> last = [];
            RunParallel(problems, concurrent, context.Cancellation, p =>
            {
                var (i, j) = pairs[p];
                int[] rows = [.. members[i], .. members[j]];
                var y = new sbyte[rows.Length];
                for (var a = 0; a < rows.Length; a++) y[a] = a < members[i].Length ? (sbyte)1 : (sbyte)-1;
                if (Options.Probability)
                {
                    var decisions = trainer.CrossValidatedDecisions(rows, y, new Random(pairSeeds[p]));
                    (probA![p], probB![p]) = PlattScaling.Fit(decisions, y.Select(v => v > 0).ToArray(), Log);
                }
                var solution = solutions[p] = trainer.Classify(rows, y);
                if (solution.ReachedMaxIter) Log(MaxIterMessage($"'{classes[labels[i]]}' vs '{classes[labels[j]]}'", solution.Iterations));
                var metrics = new Dictionary<string, double>
                {
                    ["iterations"] = solution.Iterations,
                    ["support_vectors"] = solution.SupportVectors,
                    ["objective"] = solution.Objective,
                    ["kernel_columns"] = solution.KernelColumns,
                };
                lock (gate)
                {
                    if (++finished < problems) context.Report(finished, metrics);
                    else last = metrics;
                }
            });

            var model = Assemble(kernel, features, classes, labels, members, pairs, solutions, x, width, probA, probB);
            foreach (var (name, value) in FitLosses.Of(model, data, context)) last[name] = value;
            last["model_support_vectors"] = model.SupportVectorCount;
            context.Report(problems, last);
            return model;
        }
        finally
        {
            context.Finish();
        }
    }

    private SvmModel FitRegressor(TrainingData data, FitContext context, IReadOnlyList<string> features, float[] x, int width, float[] norms,
        KernelFunction kernel, float[] values)
    {
        var trainer = new SvmTrainer(kernel, x, width, norms, Options, Options.CacheMb, Environment.ProcessorCount > 1, context.Cancellation);
        context.Log(string.Create(CultureInfo.InvariantCulture, $"svm: epsilon-SVR; kernel {kernel}, C {Options.C}, epsilon {Options.Epsilon}"));
        context.Start(1, null);
        try
        {
            var rows = Enumerable.Range(0, values.Length).ToArray();
            var solution = trainer.Regress(rows, [.. values.Select(v => (double)v)]);
            if (solution.ReachedMaxIter) context.Log(MaxIterMessage("the regression", solution.Iterations));
            var support = rows.Where(r => solution.Coefficients[r] != 0).ToArray();
            var vectors = new float[support.Length * width];
            for (var s = 0; s < support.Length; s++) x.AsSpan(support[s] * width, width).CopyTo(vectors.AsSpan(s * width, width));
            var model = new SvmModel(kernel, TaskKind.Regression, features, null, [], [support.Length], vectors, width,
                [.. support.Select(r => solution.Coefficients[r])], [solution.Rho], null, null);
            var metrics = FitLosses.Of(model, data, context);
            metrics["iterations"] = solution.Iterations;
            metrics["support_vectors"] = support.Length;
            metrics["objective"] = solution.Objective;
            metrics["kernel_columns"] = solution.KernelColumns;
            context.Report(1, metrics);
            return model;
        }
        finally
        {
            context.Finish();
        }
    }

    /// <summary>
    /// libsvm's layout: support vectors grouped by class (a row is one when any of its problems gives it a
    /// non-zero coefficient); pair (i, j) puts class i's coefficients in row j − 1 and class j's in row i.
    /// </summary>
    private static SvmModel Assemble(KernelFunction kernel, IReadOnlyList<string> features, IReadOnlyList<string> classes, int[] labels,
        int[][] members, List<(int I, int J)> pairs, SvmSolution[] solutions, float[] x, int width, double[]? probA, double[]? probB)
    {
        var isSupport = new bool[x.Length / width];
        foreach (var solution in solutions)
            for (var a = 0; a < solution.Rows.Length; a++)
                if (solution.Coefficients[a] != 0) isSupport[solution.Rows[a]] = true;
        var support = members.Select(m => m.Where(r => isSupport[r]).ToArray()).ToArray();
        var total = support.Sum(s => s.Length);
        var position = new int[isSupport.Length];
        var vectors = new float[total * width];
        var next = 0;
        foreach (var row in support.SelectMany(s => s))
        {
            position[row] = next;
            x.AsSpan(row * width, width).CopyTo(vectors.AsSpan(next * width, width));
            next++;
        }
        var coefficients = new double[(labels.Length - 1) * total];
        for (var p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs[p];
            var solution = solutions[p];
            for (var a = 0; a < solution.Rows.Length; a++)
            {
                var coefficient = solution.Coefficients[a];
                if (coefficient == 0) continue;
                var line = a < members[i].Length ? j - 1 : i;
                coefficients[line * total + position[solution.Rows[a]]] = coefficient;
            }
        }
        return new SvmModel(kernel, TaskKind.Classification, features, classes, labels, [.. support.Select(s => s.Length)], vectors, width,
            coefficients, [.. solutions.Select(s => s.Rho)], probA, probB);
    }

    private string MaxIterMessage(string problem, long iterations) => string.Create(CultureInfo.InvariantCulture,
        $"svm: {problem} problem stopped after {iterations} iterations (the limit{(Options.MaxIter is null ? "" : ", model.max_iter")}) before reaching tol {Options.Tol}; the model may be less accurate. Standardize the inputs, lower model.c, or raise model.max_iter.");

    /// <summary>Parallel.For that rethrows the first real error (not an AggregateException); a plain loop on one thread.</summary>
    private static void RunParallel(int count, int threads, CancellationToken cancellation, Action<int> body)
    {
        if (threads == 1)
        {
            for (var i = 0; i < count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                body(i);
            }
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = threads }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
