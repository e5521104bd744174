using Monitoring.Contracts.Waveforms;
using Orleans.Concurrency;

namespace Monitoring.Contracts.Devices;

/// <summary>One ECG device (bedside monitor, wearable patch, ambulance 12-lead unit), keyed by its device id.</summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Registers the device (or changes its kind) and issues a new credential, revoking any earlier one.</summary>
    Task<IssuedCredential> RegisterAsync(DeviceKind kind);

    /// <summary>Revokes the device's credential: it can no longer connect or send.</summary>
    Task RevokeCredentialAsync();

    /// <summary>True when the device is registered and the secret matches its active credential.</summary>
    Task<bool> VerifyCredentialAsync(string secret);

    /// <summary>Takes one batch (already checked by <see cref="DeviceBatchLimits.Check"/>): drops duplicates, notes gaps, forwards the samples.</summary>
    Task<BatchAck> AcceptBatchAsync(DeviceBatch batch);

    /// <summary>Connection state as the device hub sees it.</summary>
    Task SetConnectedAsync(bool connected);

    /// <summary>Called by the patient grain on admission of the device to a patient (null: detached).</summary>
    Task AttachAsync(string? patientId);

    [AlwaysInterleave]
    Task<DeviceStatus> GetStatusAsync();

    /// <summary>
    /// The device's samples for its current patient from <paramref name="fromUnixMs"/> to <paramref name="toUnixMs"/>
    /// (device clock): from storage, and what this grain holds that is not stored yet. The patient's new analysis
    /// reads the stream's recent past with it, so that it goes on where the lost one was. Interleaves: the patient asks
    /// while this grain is handing it a batch.
    /// </summary>
    [AlwaysInterleave]
    Task<RecentStream> ReadRecentAsync(long fromUnixMs, long toUnixMs);
}
