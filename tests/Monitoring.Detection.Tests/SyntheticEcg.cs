namespace Monitoring.Detection.Tests;

/// <summary>
/// Builds ECG-like test signals from Gaussian P, Q, R, S and T waves at given beat times, so that a test controls
/// exactly where the R waves are, at any sampling rate.
/// </summary>
internal sealed class SyntheticEcg
{
    public double RAmplitudeMv { get; init; } = 1.0;
    public double QrsWidthScale { get; init; } = 1.0;
    public double TAmplitudeMv { get; init; } = 0.3;
    public double TDelaySeconds { get; init; } = 0.25;
    public double TWidthSeconds { get; init; } = 0.045;
    public double PAmplitudeMv { get; init; } = 0.12;
    public double BaselineWanderMv { get; init; }
    public double BaselineWanderHz { get; init; } = 0.3;
    public double NoiseMv { get; init; }
    public int Seed { get; init; } = 1;

    /// <summary>Beat times (seconds) for a constant heart rate, starting at 0.5 s.</summary>
    public static double[] RegularBeats(double heartRateBpm, double durationSeconds)
    {
        var times = new List<double>();
        for (double t = 0.5; t < durationSeconds - 0.5; t += 60.0 / heartRateBpm) times.Add(t);
        return [.. times];
    }

    /// <summary>
    /// A ventricular ectopic beat as the standard's test waveforms draw it: no P wave, a wide QRS (about 150 ms) of
    /// <paramref name="polarity"/> sign, and a T wave of the opposite sign.
    /// </summary>
    public static SyntheticBeat Ventricular(double time, double polarity = -1) =>
        new(time, 1.5 * polarity, WidthScale: 2.5, TAmplitudeMv: -0.4 * polarity, HasPWave: false);

    /// <summary>Samples in ADC units (<paramref name="gain"/> units per mV) with an ADC offset of 1024, like MIT-BIH.</summary>
    public short[] Render(double[] beatTimes, int samplingRateHz, double durationSeconds, double gain = 200) =>
        Render(beatTimes.Select(t => new SyntheticBeat(t, RAmplitudeMv, QrsWidthScale, TAmplitudeMv)).ToArray(),
            samplingRateHz, durationSeconds, gain);

    /// <summary>Beats of individual shapes (normal and ectopic), in ADC units with an offset of 1024.</summary>
    public short[] Render(IReadOnlyList<SyntheticBeat> beats, int samplingRateHz, double durationSeconds, double gain = 200)
    {
        int count = (int)(durationSeconds * samplingRateHz);
        var millivolts = new double[count];
        foreach (SyntheticBeat beat in beats)
        {
            double t = beat.Time, r = beat.AmplitudeMv, w = beat.WidthScale;
            if (beat.HasPWave) AddWave(millivolts, samplingRateHz, t - 0.16, PAmplitudeMv * beat.PWaveScale, 0.025);
            AddWave(millivolts, samplingRateHz, t - 0.025 * w, -0.1 * r, 0.008 * w);
            AddWave(millivolts, samplingRateHz, t, r, 0.010 * w);
            AddWave(millivolts, samplingRateHz, t + 0.025 * w, -0.25 * r, 0.008 * w);
            AddWave(millivolts, samplingRateHz, t + TDelaySeconds, beat.TAmplitudeMv, TWidthSeconds);
        }

        var random = new Random(Seed);
        var samples = new short[count];
        for (int i = 0; i < count; i++)
        {
            double t = i / (double)samplingRateHz;
            double value = millivolts[i]
                + BaselineWanderMv * Math.Sin(2 * Math.PI * BaselineWanderHz * t)
                + NoiseMv * Gaussian(random);
            samples[i] = (short)Math.Clamp(Math.Round(1024 + value * gain), short.MinValue, short.MaxValue);
        }
        return samples;
    }

    private static void AddWave(double[] signal, int fs, double center, double amplitude, double sigma)
    {
        int from = Math.Max(0, (int)((center - 5 * sigma) * fs));
        int to = Math.Min(signal.Length - 1, (int)((center + 5 * sigma) * fs));
        for (int i = from; i <= to; i++)
        {
            double z = (i / (double)fs - center) / sigma;
            signal[i] += amplitude * Math.Exp(-0.5 * z * z);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>
/// One beat of a synthetic ECG: R-wave time, signed R amplitude, QRS width relative to 60 ms, T amplitude, and the P
/// wave's amplitude relative to <see cref="SyntheticEcg.PAmplitudeMv"/> (negative: an inverted P wave).
/// </summary>
internal readonly record struct SyntheticBeat(
    double Time, double AmplitudeMv = 1.0, double WidthScale = 1.0, double TAmplitudeMv = 0.3, bool HasPWave = true,
    double PWaveScale = 1.0);
