namespace Monitoring.Server.Security;

/// <summary>Who may connect: devices, monitoring-centre consoles and operators each present their own bearer token.</summary>
public static class AuthSchemes
{
    public const string Device = "Device";
    public const string Centre = "Centre";
    public const string Operator = "Operator";
}
