using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Devices;
using Monitoring.Grains.Telemetry;
using Monitoring.Server.Security;

namespace Monitoring.Server.Hubs;

/// <summary>
/// Where devices stream: one SignalR connection per device (MessagePack protocol), one call per batch. The
/// answer comes only after the device's grain has taken the batch.
/// </summary>
[Authorize(AuthenticationSchemes = AuthSchemes.Device)]
public sealed class DeviceHub(IGrainFactory grains, ILogger<DeviceHub> logger) : Hub
{
    private string DeviceId => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public override async Task OnConnectedAsync()
    {
        await grains.GetGrain<IDeviceGrain>(DeviceId).SetConnectedAsync(true);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await grains.GetGrain<IDeviceGrain>(DeviceId).SetConnectedAsync(false);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Takes one batch frame (see <see cref="DeviceWire"/>).</summary>
    public async Task<BatchAck> SendBatch(byte[] frame)
    {
        var batch = DeviceWire.TryDecode(frame, out string? code, out string? message);
        if (batch is null) return Rejected(0, code!, message!);
        if (batch.DeviceId != DeviceId)
            return Rejected(batch.Sequence, BatchErrors.WrongDevice, $"This connection belongs to device {DeviceId}; it cannot write the stream of {batch.DeviceId}.");
        if (DeviceBatchLimits.Check(batch) is { } error) return Rejected(batch.Sequence, error.Code, error.Message);
        try
        {
            return await grains.GetGrain<IDeviceGrain>(DeviceId).AcceptBatchAsync(batch);
        }
        catch (Exception e)
        {
            // The device may have later batches in flight on this connection. Taking them now would leave a hole
            // that this batch, resent, could no longer fill (it would be out of order): drop the connection, so that
            // the device reconnects and resends from this batch on.
            logger.LogWarning(e, "Device {DeviceId}: batch {Sequence} failed; closing the connection so that it is resent in order.", DeviceId, batch.Sequence);
            Context.Abort();
            throw new HubException("The batch could not be taken now; it will be taken when resent.");
        }
    }

    private BatchAck Rejected(long sequence, string code, string message)
    {
        MonitoringMetrics.CountRejected(code);
        logger.LogInformation("Device {DeviceId}: batch {Sequence} rejected ({Code}): {Message}", DeviceId, sequence, code, message);
        return new BatchAck { Sequence = sequence, Status = BatchStatus.Rejected, ErrorCode = code, ErrorMessage = message };
    }
}
