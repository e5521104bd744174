namespace Monitoring.DeviceClient;

/// <summary>A batch the cloud rejected: it is dropped from the buffer and never resent (resending would not help).</summary>
/// <param name="Sequence">The rejected batch's sequence number.</param>
/// <param name="ErrorCode">Machine-readable reason, one of <see cref="Monitoring.Contracts.Devices.BatchErrors"/>.</param>
/// <param name="ErrorMessage">Human-readable reason.</param>
public sealed record BatchRejection(long Sequence, string? ErrorCode, string? ErrorMessage);
