using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Contracts.Network;

namespace Monitoring.Server.Network;

/// <summary>The network configuration file: facilities (parents before children) and the monitoring centres they run.</summary>
public sealed record NetworkFile(IReadOnlyList<NetworkFile.Facility> Facilities, IReadOnlyList<NetworkFile.Centre> Centres)
{
    public sealed record Facility(string Id, string Name, FacilityTier Tier, string? Parent);

    public sealed record Centre(string Id, string Name, string Facility);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static NetworkFile Read(string path) =>
        JsonSerializer.Deserialize<NetworkFile>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"The network file {path} is empty.");
}
