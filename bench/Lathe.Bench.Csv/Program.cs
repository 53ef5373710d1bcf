using System.Diagnostics;
using System.Globalization;
using Lathe.Data;

// usage: Lathe.Bench.Csv FILE
// One measured read per process, after a warm-up read of a small file through the same code (so JIT time
// is not counted, as pandas' import is not). Prints one line: seconds, peak RSS growth in MB, rows, columns.
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Lathe.Bench.Csv FILE.csv");
    return 2;
}

var warmUp = Path.Combine(Path.GetTempPath(), $"lathe-bench-csv-warmup-{Environment.ProcessId}.csv");
File.WriteAllText(warmUp, "a,b\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i * 0.5},{-i}\n")));
CsvReader.Read(warmUp);
File.Delete(warmUp);
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();

// Peak RSS is the kernel's high-water mark (VmHWM); writing 5 to clear_refs resets it to the current RSS.
File.WriteAllText("/proc/self/clear_refs", "5");
var before = StatusKb("VmRSS");
var clock = Stopwatch.StartNew();
var table = CsvReader.Read(args[0]);
var seconds = clock.Elapsed.TotalSeconds;
var peak = StatusKb("VmHWM");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"lathe seconds={seconds:0.000} peak_growth_mb={(peak - before) / 1024.0:0.0} rows={table.RowCount} columns={table.Columns.Count} " +
    $"float32_mb={table.RowCount * (double)table.Columns.Count * 4 / 1048576:0.0}"));
GC.KeepAlive(table);
return 0;

static long StatusKb(string key) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(key + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
        CultureInfo.InvariantCulture);
