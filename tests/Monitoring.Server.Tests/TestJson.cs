using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Server.Tests;

/// <summary>JSON as the server writes it: web defaults, enums by name.</summary>
internal static class TestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
