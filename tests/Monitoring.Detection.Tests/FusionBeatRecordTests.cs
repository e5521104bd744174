using Monitoring.Cli;
using Monitoring.Detection.Classification;
using Monitoring.Evaluation;

namespace Monitoring.Detection.Tests;

/// <summary>
/// Fusion beats (<see cref="FusionRule"/>) on the shared MIT-BIH record that has most of them: 208, with 373 fusion
/// beats among its PVCs and couplets. Scored with EC57 (from 5:00).
/// </summary>
public class FusionBeatRecordTests
{
    /// <summary>
    /// Measured: 217 beats called F, 210 of them fusion beats in the reference (of 335 from 5:00), 5 PVCs and 2 normal
    /// beats (108 and 223, not 208). Before the rule no beat was F and the 210 were V (Fv does not count against VEB +P,
    /// but Vf counts against VEB Se: mitdb VEB 95.21 / 92.62 → 95.05 / 92.66).
    /// </summary>
    [Fact]
    public void Most_fusion_beats_of_208_are_called_fusion_and_few_others_are()
    {
        var (analysis, reference) = AnalysedRecord.Of("mitdb", "208");
        var matrix = Ec57Comparer.Compare("208", reference, AnalysisAnnotations.Beats(analysis), analysis.SamplingFrequency, Ec57Options.Standard).Matrix;

        long fusionCalledFusion = matrix[Ec57Class.F, Ec57Class.F];
        long othersCalledFusion = matrix[Ec57Class.N, Ec57Class.F] + matrix[Ec57Class.S, Ec57Class.F] + matrix[Ec57Class.V, Ec57Class.F];
        Assert.True(fusionCalledFusion >= 190, $"{fusionCalledFusion} fusion beats called F");
        Assert.True(othersCalledFusion <= 10, $"{othersCalledFusion} other beats called F");
    }
}
