using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Monitoring.Benchmarks;

/// <summary>
/// Summary columns for <see cref="QrsDetectorBenchmark"/>: samples processed per operation, and samples per second
/// (samples per operation divided by the mean time of an operation), i.e. single-thread throughput.
/// </summary>
public static class ThroughputColumns
{
    /// <summary>Adds both columns; used through <c>[Config(typeof(ThroughputColumns.Config))]</c>.</summary>
    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new SamplesColumn(perSecond: false), new SamplesColumn(perSecond: true));
        }
    }

    private static readonly ConcurrentDictionary<(string Record, string Method), long> SamplesCache = new();

    private static long SamplesPerOperation(BenchmarkCase benchmarkCase)
    {
        string record = (string)benchmarkCase.Parameters[nameof(QrsDetectorBenchmark.Record)];
        string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        return SamplesCache.GetOrAdd((record, method), key => QrsDetectorBenchmark.SamplesPerOperation(key.Record, key.Method));
    }

    private sealed class SamplesColumn(bool perSecond) : IColumn
    {
        public string Id => perSecond ? "Monitoring.SamplesPerSecond" : "Monitoring.SamplesPerOperation";

        public string ColumnName => perSecond ? "Samples/s" : "Samples/op";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => perSecond ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => perSecond
            ? "Samples processed per second on one thread: Samples/op divided by Mean"
            : "Samples processed by one operation";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            long samples = SamplesPerOperation(benchmarkCase);
            if (!perSecond) return samples.ToString("N0", CultureInfo.InvariantCulture);
            double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (meanNanoseconds is not > 0) return "NA";
            double perSecondValue = samples / (meanNanoseconds.Value / 1e9);
            return perSecondValue.ToString("N0", CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public override string ToString() => ColumnName;
    }
}
