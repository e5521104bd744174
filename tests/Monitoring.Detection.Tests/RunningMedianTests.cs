using Monitoring.Detection.Classification;
using Monitoring.Detection.Filters;
using Monitoring.Detection.Qrs;

namespace Monitoring.Detection.Tests;

/// <summary>
/// The running medians that replaced sorting (<see cref="SortedWindow"/> in <see cref="PeakLevels"/> and
/// <see cref="RecentIntervals"/>), checked against a plain sort over long random sequences with repeated values.
/// </summary>
public class RunningMedianTests
{
    [Fact]
    public void Peak_levels_median_matches_a_sort_of_the_last_eight()
    {
        var random = new Random(7);
        var levels = new PeakLevels();
        var recent = new List<double>(Enumerable.Repeat(0.0, PeakLevels.Count));
        for (int i = 0; i < 5000; i++)
        {
            switch (random.Next(40))
            {
                case 0:
                    double fill = random.Next(5);
                    levels.Fill(fill);
                    recent = [.. Enumerable.Repeat(fill, PeakLevels.Count)];
                    break;
                case 1:
                    levels.Scale(0.5);
                    recent = [.. recent.Select(v => v * 0.5)];
                    break;
                default:
                    double value = random.Next(6) * 1.5;   // few distinct values: ties on purpose
                    levels.Add(value);
                    recent.Add(value);
                    recent.RemoveAt(0);
                    break;
            }
            var sorted = recent.Order().ToList();
            Assert.Equal((sorted[3] + sorted[4]) / 2, levels.Median);
        }
    }

    [Fact]
    public void Recent_intervals_median_and_irregularity_match_a_plain_computation()
    {
        var random = new Random(11);
        var intervals = new RecentIntervals();
        var recent = new List<long>();
        for (int i = 0; i < 5000; i++)
        {
            long rr = 200 + random.Next(8) * 25;
            intervals.Add(rr);
            recent.Add(rr);
            if (recent.Count > RecentIntervals.Capacity) recent.RemoveAt(0);

            var sorted = recent.Order().ToList();
            int n = sorted.Count;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            Assert.Equal(median, intervals.Median);
            double irregularity = n < RecentIntervals.Capacity ? 0
                : recent.Zip(recent.Skip(1)).Count(p => Math.Abs(p.Second - p.First) > 0.15 * median) / (double)(n - 1);
            Assert.Equal(irregularity, intervals.Irregularity());
        }
    }
}
