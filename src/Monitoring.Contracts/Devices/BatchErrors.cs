namespace Monitoring.Contracts.Devices;

/// <summary>Rejection reasons of the device wire protocol; also the "reason" tag of the rejected-batches counter.</summary>
public static class BatchErrors
{
    public const string Malformed = "malformed";
    public const string WrongDevice = "wrong_device";
    public const string UnknownDevice = "unknown_device";
    public const string CredentialRevoked = "credential_revoked";
    public const string SamplingRate = "sampling_rate";
    public const string LeadCount = "lead_count";
    public const string Gain = "gain";
    public const string SampleCount = "sample_count";
    public const string TooLarge = "too_large";
    public const string FarFutureSequence = "far_future_sequence";
    public const string FarFutureTime = "far_future_time";
    public const string TimeGoesBack = "time_goes_back";
    public const string PacePulses = "pace_pulses";
}
