namespace Monitoring.Evaluation;

/// <summary>The beat-by-beat comparison of one record: its confusion matrix and EC57 statistics.</summary>
/// <remarks>Statistics are percentages (0..100), null when undefined.</remarks>
public sealed class RecordComparison(string recordName, ConfusionMatrix matrix, double testShutdownSeconds = 0)
{
    public string RecordName { get; } = recordName;

    public ConfusionMatrix Matrix { get; } = matrix;

    /// <summary>Reference beats scored (QRS TP + FN).</summary>
    public long ReferenceBeats => Matrix.ReferenceBeats;

    public long QrsTp => Matrix.QrsTruePositives;
    public long QrsFn => Matrix.QrsFalseNegatives;
    public long QrsFp => Matrix.QrsFalsePositives;

    /// <summary>Reference beats missed during test shutdown (x column); included in <see cref="QrsFn"/>.</summary>
    public long ShutdownBeats => Matrix.ShutdownBeats;

    /// <summary>Test shutdown time within the scored period, in seconds.</summary>
    public double TestShutdownSeconds { get; } = testShutdownSeconds;

    public Ec57Statistics Statistics => Ec57Statistics.FromMatrix(Matrix);

    public double? QrsSensitivity => Statistics.QrsSensitivity;
    public double? QrsPositivePredictivity => Statistics.QrsPositivePredictivity;
    public double? VebSensitivity => Statistics.VebSensitivity;
    public double? VebPositivePredictivity => Statistics.VebPositivePredictivity;
    public double? VebFalsePositiveRate => Statistics.VebFalsePositiveRate;
    public double? SvebSensitivity => Statistics.SvebSensitivity;
    public double? SvebPositivePredictivity => Statistics.SvebPositivePredictivity;
}
