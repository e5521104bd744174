namespace Monitoring.Grains.Centres;

[GenerateSerializer]
public sealed class CentreState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public byte[]? CredentialHash { get; set; }
    [Id(2)] public HashSet<string> Patients { get; set; } = new(StringComparer.Ordinal);
}
