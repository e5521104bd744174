namespace Monitoring.Contracts.Devices;

/// <summary>A new secret for a device or a centre. Shown once: only its hash is stored.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuedCredential([property: Id(0)] string Id, [property: Id(1)] string Secret)
{
    /// <summary>The bearer token clients present: <c>id:secret</c>.</summary>
    public string Token => $"{Id}:{Secret}";
}
