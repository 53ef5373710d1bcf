using System.Runtime.CompilerServices;

namespace Lathe.Models.Svm;

/// <summary>
/// One solved problem on a subset of training rows: Coefficients[a] is y_a·α_a (classification) or
/// α_a − α*_a (regression) for row Rows[a]; decision f(x) = Σ Coefficients[a]·K(x_Rows[a], x) − Rho. KernelColumns:
/// how many kernel columns were computed (cache misses).
/// </summary>
internal sealed record SvmSolution(int[] Rows, double[] Coefficients, double Rho, long Iterations, double Objective, bool ReachedMaxIter, long KernelColumns)
{
    public int SupportVectors => Coefficients.Count(c => c != 0);
}

/// <summary>
/// Solves the SVM problems of one fit on shared training rows: two-class C-SVC and ε-SVR through the
/// <see cref="SmoSolver"/>, and the 5-fold cross-validated decision values libsvm fits Platt scaling on.
/// </summary>
internal sealed class SvmTrainer(KernelFunction kernel, float[] x, int width, float[] squaredNorms, SvmOptions options,
    double cacheMb, bool parallelColumns, CancellationToken cancellation)
{
    private const int Folds = 5;

    /// <summary>Two-class C-SVC on <paramref name="rows"/> with labels <paramref name="y"/> (±1).</summary>
    public SvmSolution Classify(int[] rows, sbyte[] y)
    {
        var q = new ClassificationQ(Kernel(rows), y, cacheMb);
        var p = new double[rows.Length];
        Array.Fill(p, -1.0);
        var result = Solve(q, p, y);
        var coefficients = new double[rows.Length];
        for (var a = 0; a < rows.Length; a++) coefficients[a] = y[a] * result.Alpha[a];
        return new SvmSolution(rows, coefficients, result.Rho, result.Iterations, result.Objective, result.ReachedMaxIter, q.ColumnsComputed);
    }

    /// <summary>ε-SVR on <paramref name="rows"/> with targets <paramref name="z"/>, in libsvm's 2l-variable form.</summary>
    public SvmSolution Regress(int[] rows, double[] z)
    {
        var l = rows.Length;
        var q = new RegressionQ(Kernel(rows), cacheMb);
        var p = new double[2 * l];
        var y = new sbyte[2 * l];
        for (var a = 0; a < l; a++)
        {
            p[a] = options.Epsilon - z[a];
            p[a + l] = options.Epsilon + z[a];
            y[a] = 1;
            y[a + l] = -1;
        }
        var result = Solve(q, p, y);
        var coefficients = new double[l];
        for (var a = 0; a < l; a++) coefficients[a] = result.Alpha[a] - result.Alpha[a + l];
        return new SvmSolution(rows, coefficients, result.Rho, result.Iterations, result.Objective, result.ReachedMaxIter, q.ColumnsComputed);
    }

    /// <summary>
    /// libsvm's decision values for Platt scaling: the rows are shuffled into 5 folds, and each fold is scored
    /// by a C-SVC trained on the other four (+1 or −1 when those hold a single class).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] CrossValidatedDecisions(int[] rows, sbyte[] y, Random random)
    {
        var l = rows.Length;
        var perm = Enumerable.Range(0, l).ToArray();
        for (var a = 0; a < l; a++)
        {
            var b = a + random.Next(l - a);
            (perm[a], perm[b]) = (perm[b], perm[a]);
        }
        var decisions = new double[l];
        for (var fold = 0; fold < Folds; fold++)
        {
            var begin = fold * l / Folds;
            var end = (fold + 1) * l / Folds;
            int[] train = [.. perm[..begin], .. perm[end..]];
            var positives = train.Count(a => y[a] > 0);
            if (positives == 0 || positives == train.Length)
            {
                var constant = train.Length == 0 ? 0 : positives > 0 ? 1 : -1;
                for (var t = begin; t < end; t++) decisions[perm[t]] = constant;
                continue;
            }
            var solution = Classify([.. train.Select(a => rows[a])], [.. train.Select(a => y[a])]);
            var held = perm[begin..end];
            var values = Decide(solution, [.. held.Select(a => rows[a])]);
            for (var t = 0; t < held.Length; t++) decisions[held[t]] = values[t];
        }
        return decisions;
    }

    /// <summary>Decision values of training rows <paramref name="queries"/> under <paramref name="solution"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Decide(SvmSolution solution, int[] queries)
    {
        var support = Enumerable.Range(0, solution.Rows.Length).Where(a => solution.Coefficients[a] != 0).ToArray();
        int[] supportRows = [.. support.Select(a => solution.Rows[a])];
        double[] coefficients = [.. support.Select(a => solution.Coefficients[a])];
        var decisions = new double[queries.Length];
        const int block = 32;
        var values = new float[block * supportRows.Length];
        var normsScratch = new float[supportRows.Length];
        for (var from = 0; from < queries.Length; from += block)
        {
            var count = Math.Min(block, queries.Length - from);
            kernel.Matrix(x, squaredNorms, queries.AsSpan(from, count), x, squaredNorms, supportRows, width, values, normsScratch);
            for (var q = 0; q < count; q++)
            {
                var sum = 0.0;
                for (var s = 0; s < coefficients.Length; s++) sum += coefficients[s] * values[q * coefficients.Length + s];
                decisions[from + q] = sum - solution.Rho;
            }
        }
        return decisions;
    }

    private KernelRows Kernel(int[] rows) => new(kernel, x, width, squaredNorms, rows) { Parallel = parallelColumns };

    private SolverResult Solve(QMatrix q, double[] p, sbyte[] y)
    {
        // libsvm's default limit; a user's max_iter replaces it.
        var limit = options.MaxIter ?? Math.Max(10_000_000L, 100L * q.Count);
        return new SmoSolver(q, p, y, options.C, options.Tol, options.Shrinking).Solve(limit, cancellation);
    }
}
