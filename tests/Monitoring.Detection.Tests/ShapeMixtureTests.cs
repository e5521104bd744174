using Monitoring.Detection.Classification;

namespace Monitoring.Detection.Tests;

/// <summary><see cref="QrsShapes.Mixture"/> and <see cref="FusionRule"/> on shapes drawn at the analysis rate (180 Hz).</summary>
public class ShapeMixtureTests
{
    private const int Length = 46, MaxLag = 3;

    [Fact]
    public void A_shape_that_is_seven_tenths_normal_and_three_tenths_pvc_is_a_fusion_and_the_pvc_is_not()
    {
        var shapes = new QrsShapes(Length, MaxLag, clearlyNarrower: 1.8, widthGap: 12);
        float[] normal = Window(t => Gaussian(t, 0, 1.8) - 0.25 * Gaussian(t, 4.5, 1.4));
        float[] pvc = Window(t => -1.5 * Gaussian(t, 0, 4.5) + 0.3 * Gaussian(t, 14, 4));
        float[] fusion = Window(t => 0.7 * (Gaussian(t, 0, 1.8) - 0.25 * Gaussian(t, 4.5, 1.4)) + 0.3 * (-1.5 * Gaussian(t, 0, 4.5) + 0.3 * Gaussian(t, 14, 4)));

        for (int i = 0; i < 20; i++) shapes.Classify(normal, out _, out _);
        int pvcShape = -1, fusionShape = -1;
        for (int i = 0; i < 5; i++)
        {
            pvcShape = shapes.Classify(pvc, out _, out _);
            fusionShape = shapes.Classify(fusion, out _, out _);
        }

        Assert.NotEqual(pvcShape, fusionShape);
        ShapeMixture mixture = shapes.Mixture(fusionShape);
        Assert.InRange(mixture.ExplainedShare, 0.99, 1.0);
        Assert.InRange(mixture.DominantShare, 0.65, 0.75);
        Assert.True(FusionRule.IsFusion(mixture), mixture.ToString());
        Assert.False(FusionRule.IsFusion(shapes.Mixture(pvcShape)), shapes.Mixture(pvcShape).ToString());
        Assert.Equal(ShapeMixture.None, shapes.Mixture(shapes.Dominant));
    }

    private static float[] Window(Func<double, double> millivolts)
    {
        var window = new float[Length + 2 * MaxLag];
        for (int i = 0; i < window.Length; i++) window[i] = (float)millivolts(i - (18 + MaxLag));
        return window;
    }

    private static double Gaussian(double t, double center, double sigma) => Math.Exp(-0.5 * (t - center) * (t - center) / (sigma * sigma));
}
