using Monitoring.Detection.Qrs;

namespace Monitoring.Detection.Tests;

/// <summary>Detection on synthetic ECG whose R-wave times are known exactly.</summary>
public class SyntheticSignalTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(250)]
    [InlineData(360)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Detects_every_beat_at_any_supported_sampling_rate(int fs)
    {
        double[] beats = SyntheticEcg.RegularBeats(72, 60);
        short[] samples = new SyntheticEcg { NoiseMv = 0.02 }.Render(beats, fs, 60);

        var detected = DetectorRun.Beats(samples, fs);

        var (matched, missed, extra) = DetectorRun.Match(detected, beats, fs, windowSeconds: 0.05);
        Assert.Equal(beats.Length, matched);
        Assert.Equal(0, missed);
        Assert.Equal(0, extra);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(120)]
    [InlineData(180)]
    [InlineData(240)]
    public void Detects_every_beat_from_bradycardia_to_tachycardia(double heartRate)
    {
        const int fs = 250;
        double[] beats = SyntheticEcg.RegularBeats(heartRate, 60);
        short[] samples = new SyntheticEcg { TDelaySeconds = Math.Min(0.25, 0.45 * 60 / heartRate), TWidthSeconds = 0.03 }.Render(beats, fs, 60);

        var (_, missed, extra) = DetectorRun.Match(DetectorRun.Beats(samples, fs), beats, fs);

        Assert.Equal(0, missed);
        Assert.Equal(0, extra);
    }

    /// <summary>IEC 60601-2-27 tall-T rejection: T waves up to 1.2 mV (QRS 100 ms, T 180 ms, QT 350 ms) are not beats.</summary>
    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(100)]
    public void Tall_T_waves_are_not_counted_as_beats(double heartRate)
    {
        const int fs = 500;
        double[] beats = SyntheticEcg.RegularBeats(heartRate, 60);
        var ecg = new SyntheticEcg { QrsWidthScale = 2.0, TAmplitudeMv = 1.2, TDelaySeconds = 0.26, TWidthSeconds = 0.036 };

        var (_, missed, extra) = DetectorRun.Match(DetectorRun.Beats(ecg.Render(beats, fs, 60), fs), beats, fs);

        Assert.Equal(0, missed);
        Assert.Equal(0, extra);
    }

    [Fact]
    public void Strong_baseline_wander_neither_hides_beats_nor_adds_any()
    {
        const int fs = 360;
        double[] beats = SyntheticEcg.RegularBeats(75, 120);
        var ecg = new SyntheticEcg { BaselineWanderMv = 2.0, BaselineWanderHz = 0.4, NoiseMv = 0.02 };

        var (_, missed, extra) = DetectorRun.Match(DetectorRun.Beats(ecg.Render(beats, fs, 120), fs), beats, fs);

        Assert.Equal(0, missed);
        Assert.Equal(0, extra);
    }

    [Fact]
    public void Flat_line_and_baseline_noise_give_no_beats()
    {
        const int fs = 250;
        short[] flat = new SyntheticEcg().Render(Array.Empty<double>(), fs, 30);
        short[] noise = new SyntheticEcg { NoiseMv = 0.02 }.Render(Array.Empty<double>(), fs, 30);

        Assert.Empty(DetectorRun.Beats(flat, fs));
        Assert.Empty(DetectorRun.Beats(noise, fs));
    }

    [Fact]
    public void Asystole_after_a_rhythm_produces_no_beats_from_baseline_noise()
    {
        const int fs = 250;
        double[] beats = SyntheticEcg.RegularBeats(70, 20);
        short[] samples = new SyntheticEcg { NoiseMv = 0.015 }.Render(beats, fs, 60);

        var detected = DetectorRun.Beats(samples, fs);

        Assert.DoesNotContain(detected, b => b.SampleIndex > 20.5 * fs);
        Assert.Equal(beats.Length, DetectorRun.Match(detected, beats, fs).Matched);
    }

    [Fact]
    public void Relearns_after_the_amplitude_drops_sixfold()
    {
        const int fs = 360;
        double[] loud = SyntheticEcg.RegularBeats(70, 30);
        double[] quiet = SyntheticEcg.RegularBeats(70, 30).Select(t => t + 30).ToArray();
        short[] first = new SyntheticEcg { RAmplitudeMv = 2.0, NoiseMv = 0.01 }.Render(loud, fs, 30);
        short[] second = new SyntheticEcg { RAmplitudeMv = 0.33, TAmplitudeMv = 0.05, PAmplitudeMv = 0.02, NoiseMv = 0.01 }.Render(quiet.Select(t => t - 30).ToArray(), fs, 30);

        var detected = DetectorRun.Beats([.. first, .. second], fs);

        double[] quietAfterRelearning = quiet.Where(t => t > 36).ToArray();
        var (_, missed, _) = DetectorRun.Match(detected.Where(b => b.SampleIndex > 36 * fs - 20).ToList(), quietAfterRelearning, fs);
        Assert.Equal(0, missed);
        Assert.DoesNotContain(detected, b => b.SampleIndex > 30 * fs && DetectorRun.Match([b], quiet, fs).Matched == 0);
    }

    /// <summary>
    /// The standstill guard (which keeps P waves and noise from counting after a long gap) must not keep a real drop
    /// in amplitude from being relearned: 1.5 mV complexes, then 0.2 mV ones (7.5 times smaller) with baseline noise.
    /// Measured the same with and without the guard: the first small beat found 1.4-3.1 s after the drop, none missed
    /// from 20 s after it.
    /// </summary>
    [Theory]
    [InlineData(360, 0.03)]
    [InlineData(128, 0.02)]
    [InlineData(100, 0.02)]
    public void A_drop_in_amplitude_under_noise_is_relearned(int fs, double noiseMv)
    {
        double[] loud = SyntheticEcg.RegularBeats(70, 30);
        double[] quiet = [.. SyntheticEcg.RegularBeats(70, 60).Select(t => t + 30)];
        short[] first = new SyntheticEcg { RAmplitudeMv = 1.5, NoiseMv = noiseMv }.Render(loud, fs, 30);
        short[] second = new SyntheticEcg { RAmplitudeMv = 0.2, TAmplitudeMv = 0.06, PAmplitudeMv = 0.024, NoiseMv = noiseMv, Seed = 3 }
            .Render([.. quiet.Select(t => t - 30)], fs, 60);

        var detected = DetectorRun.Beats([.. first, .. second], fs);

        Assert.Contains(detected, b => b.SampleIndex > 30.5 * fs && b.SampleIndex < 34 * fs);
        var (_, missed, _) = DetectorRun.Match(detected.Where(b => b.SampleIndex > 50 * fs - 20).ToList(), [.. quiet.Where(t => t > 50)], fs);
        Assert.Equal(0, missed);
    }

    [Fact]
    public void In_noise_search_back_waits_for_the_regular_interval_that_false_detections_do_not_shorten()
    {
        // Beats every second; in every other interval a sharp spike the detector takes for a beat (splitting the
        // interval in two), in the others a smaller bump 0.75 s after the beat that the threshold rejects. The spikes
        // bring the mean RR down to 0.67 s: search-back after 1.5 mean intervals would fire as the next beat arrives and
        // take the bump; after 1.5 regular intervals (the split halves left out) the beat comes first.
        const int fs = 360;
        const double seconds = 60;
        var beats = new List<SyntheticBeat>();
        var expected = new List<double>();
        for (int k = 1; k < seconds - 1; k++)
        {
            beats.Add(new SyntheticBeat(k));
            expected.Add(k);
            if (k % 2 == 0)
            {
                beats.Add(new SyntheticBeat(k + 0.5, TAmplitudeMv: 0, HasPWave: false));
                expected.Add(k + 0.5);
            }
            else
            {
                beats.Add(new SyntheticBeat(k + 0.75, AmplitudeMv: 0.4, WidthScale: 1.5, TAmplitudeMv: 0, HasPWave: false));
            }
            // Smaller bumps that keep the detector's noise level up, as electrode motion does.
            beats.Add(new SyntheticBeat(k + 0.3, AmplitudeMv: 0.3, WidthScale: 2, TAmplitudeMv: 0, HasPWave: false));
        }
        short[] samples = new SyntheticEcg { NoiseMv = 0.01 }.Render(beats, fs, seconds);

        var detected = DetectorRun.Beats(samples, fs).Where(b => b.SampleIndex > 10 * fs).ToList();

        var (_, missed, extra) = DetectorRun.Match(detected, expected.Where(t => t > 10.2).ToArray(), fs);
        Assert.True(missed == 0 && extra == 0, $"missed {missed} extra {extra}: " + string.Join(" ", detected.Select(b => $"{b.SampleIndex / (double)fs:F2}{(b.FoundBySearchBack ? "sb" : "")}/{b.NoiseToQrsLevel:F2}")));
    }

    [Fact]
    public void Beats_are_emitted_in_order_and_within_the_documented_latency()
    {
        const int fs = 500;
        double[] beats = SyntheticEcg.RegularBeats(90, 60);
        var detected = DetectorRun.Beats(new SyntheticEcg { NoiseMv = 0.02 }.Render(beats, fs, 60), fs);

        for (int i = 1; i < detected.Count; i++) Assert.True(detected[i].SampleIndex > detected[i - 1].SampleIndex);
        foreach (var beat in detected.Where(b => b.SampleIndex > 3 * fs))
        {
            Assert.False(beat.FoundBySearchBack);
            Assert.InRange(beat.EmittedAtSample - beat.SampleIndex, 0, QrsDetector.MaxLatencySeconds * fs);
        }
    }

    [Theory]
    [InlineData(99, 200)]
    [InlineData(1001, 200)]
    [InlineData(360, 0)]
    [InlineData(360, double.NaN)]
    public void Rejects_unsupported_settings_with_a_clear_error(int fs, double gain)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new QrsDetector(new QrsDetectorSettings(fs, gain)));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
