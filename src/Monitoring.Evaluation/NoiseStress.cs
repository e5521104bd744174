namespace Monitoring.Evaluation;

/// <summary>
/// Makes noise-stress test records the way the MIT-BIH Noise Stress Test Database was made (WFDB <c>nst</c>): a noise
/// record (<c>em</c> electrode motion, <c>ma</c> muscle, <c>bw</c> baseline wander) is added to a clean ECG in
/// two-minute segments, the first starting at 5:00 and every other two minutes after, scaled to a signal-to-noise
/// ratio. Signal power is taken from the QRS complexes (mean squared peak-to-peak amplitude over 8, as for a sine);
/// noise power is the variance of the noise within the segments. Our QRS amplitude measure differs from nst's, so the
/// scale is calibrated on the one pair we have: nstdb 118e06 is mitdb 118 plus <c>em</c> times 1.483 (lead 0), which our
/// measure puts at <see cref="CalibrationDb"/> dB under 6 dB. With it, 118 mixed at 6 dB scores within half a point
/// of 118e06.
/// </summary>
public static class NoiseStress
{
    public const double FirstNoiseSeconds = 300, SegmentSeconds = 120;

    /// <summary>How far our SNR measure reads under nst's (measured on 118 and 118e06, see the summary).</summary>
    public const double CalibrationDb = 7.28;

    private const double QrsHalfWindowSeconds = 0.05, TrimmedShare = 0.05;

    /// <summary>Whether a sample lies in a noise segment.</summary>
    public static bool InNoise(long sample, double samplingFrequency)
    {
        long first = (long)(FirstNoiseSeconds * samplingFrequency), segment = (long)(SegmentSeconds * samplingFrequency);
        return sample >= first && (sample - first) / segment % 2 == 0;
    }

    /// <summary>
    /// Signal power of an ECG from its QRS complexes (ADC units squared): the mean of the squared peak-to-peak
    /// amplitudes within 50 ms of each beat, leaving out the 5 % smallest and largest, over 8.
    /// </summary>
    public static double SignalPower(ReadOnlySpan<short> ecg, IEnumerable<long> beats, double samplingFrequency)
    {
        int half = (int)Math.Round(QrsHalfWindowSeconds * samplingFrequency);
        var squares = new List<double>();
        foreach (long beat in beats)
        {
            if (beat < half || beat + half >= ecg.Length) continue;
            var complex = ecg.Slice((int)beat - half, 2 * half + 1);
            double peakToPeak = Max(complex) - Min(complex);
            squares.Add(peakToPeak * peakToPeak);
        }
        if (squares.Count == 0) throw new ArgumentException("No beats to measure the signal power on.", nameof(beats));
        squares.Sort();
        int trim = (int)(squares.Count * TrimmedShare);
        double sum = 0;
        for (int i = trim; i < squares.Count - trim; i++) sum += squares[i];
        return sum / (squares.Count - 2 * trim) / 8;
    }

    /// <summary>The factor the noise is multiplied by to reach <paramref name="snrDb"/>.</summary>
    public static double NoiseScale(double signalPower, ReadOnlySpan<short> noise, double snrDb, double samplingFrequency)
    {
        double noisePower = Variance(noise, samplingFrequency, out _);
        return Math.Sqrt(signalPower / (noisePower * Math.Pow(10, (snrDb - CalibrationDb) / 10)));
    }

    /// <summary>
    /// The ECG with the noise added in the noise segments at <paramref name="snrDb"/> (the noise's mean removed;
    /// clipped to the 12-bit range of the MIT-BIH records). As long as the shorter of the two.
    /// </summary>
    public static short[] Mix(ReadOnlySpan<short> ecg, IEnumerable<long> beats, ReadOnlySpan<short> noise, double snrDb, double samplingFrequency)
    {
        double scale = NoiseScale(SignalPower(ecg, beats, samplingFrequency), noise, snrDb, samplingFrequency);
        Variance(noise, samplingFrequency, out double mean);
        var mixed = new short[Math.Min(ecg.Length, noise.Length)];
        for (int i = 0; i < mixed.Length; i++)
        {
            double added = InNoise(i, samplingFrequency) ? scale * (noise[i] - mean) : 0;
            mixed[i] = (short)Math.Clamp(Math.Round(ecg[i] + added), -2048, 2047);
        }
        return mixed;
    }

    private static double Variance(ReadOnlySpan<short> noise, double samplingFrequency, out double mean)
    {
        double sum = 0, squares = 0;
        long count = 0;
        for (int i = 0; i < noise.Length; i++)
        {
            if (!InNoise(i, samplingFrequency)) continue;
            sum += noise[i];
            squares += (double)noise[i] * noise[i];
            count++;
        }
        if (count == 0) throw new ArgumentException("The noise record ends before the first noise segment.", nameof(noise));
        mean = sum / count;
        return squares / count - mean * mean;
    }

    private static short Max(ReadOnlySpan<short> values)
    {
        short max = short.MinValue;
        foreach (short v in values) max = Math.Max(max, v);
        return max;
    }

    private static short Min(ReadOnlySpan<short> values)
    {
        short min = short.MaxValue;
        foreach (short v in values) min = Math.Min(min, v);
        return min;
    }
}
