using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Devices;

namespace Monitoring.DeviceHubStub;

/// <summary>The device hub's contract (<see cref="DeviceHubMethods"/>) over a <see cref="StubBackend"/>.</summary>
public sealed class StubDeviceHub(StubBackend backend) : Hub
{
    /// <summary>Where <see cref="StubServer"/>'s token check leaves the authenticated device id.</summary>
    internal const string DeviceIdItem = "deviceId";

    public override Task OnConnectedAsync()
    {
        backend.Connected(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        backend.Disconnected(Context);
        return Task.CompletedTask;
    }

    public BatchAck SendBatch(byte[] frame)
    {
        DeviceBatch? batch = DeviceWire.TryDecode(frame, out string? code, out string? message);
        if (batch is null) return Rejected(0, code, message);
        if (DeviceBatchLimits.Check(batch) is { } error) return Rejected(batch.Sequence, error.Code, error.Message);
        string deviceId = (string)Context.GetHttpContext()!.Items[DeviceIdItem]!;
        if (batch.DeviceId != deviceId)
            return Rejected(batch.Sequence, BatchErrors.WrongDevice, $"Batch of {batch.DeviceId} on the connection of {deviceId}.");
        return backend.Take(batch);
    }

    private static BatchAck Rejected(long sequence, string? code, string? message) =>
        new() { Sequence = sequence, Status = BatchStatus.Rejected, ErrorCode = code, ErrorMessage = message };
}
