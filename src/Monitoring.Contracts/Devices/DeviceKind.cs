namespace Monitoring.Contracts.Devices;

public enum DeviceKind
{
    BedsideMonitor,
    WearablePatch,
    Ambulance12Lead,
}
