using Monitoring.Contracts.Devices;

namespace Monitoring.Grains.Devices;

/// <summary>How a device's stream takes a batch: accepted (maybe after a gap), duplicate, or rejected with a reason.</summary>
/// <param name="Late">Accepted from inside a gap the stream had already passed: stored, not analysed.</param>
public readonly record struct BatchVerdict(BatchStatus Status, long GapBeforeMs = 0, string? ErrorCode = null, string? ErrorMessage = null, bool Late = false)
{
    public static BatchVerdict Duplicate { get; } = new(BatchStatus.Duplicate);

    public static BatchVerdict Reject(string code, string message) => new(BatchStatus.Rejected, 0, code, message);
}
