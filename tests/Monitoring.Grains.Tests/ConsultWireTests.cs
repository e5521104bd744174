using MessagePack;
using Monitoring.Contracts.Consults;

namespace Monitoring.Grains.Tests;

/// <summary>Consults reach JavaScript consoles over SignalR MessagePack: maps with camelCase keys, and back unchanged.</summary>
public class ConsultWireTests
{
    [Fact]
    public void AConsultTravelsAsAMapWithCamelCaseKeysAndComesBackWhole()
    {
        var consult = new ConsultView
        {
            ConsultId = "c-1",
            Request = new ConsultRequest
            {
                PatientId = "p-1", RequestedBy = "u-1", Reason = "ST?", Urgency = ConsultUrgency.Stat, FromAmbulance = true,
                Strip = new EcgStripReference { PatientId = "p-1", FromUnixMs = 1_000, ToUnixMs = 21_000 },
            },
            TargetCentreId = "centre-county",
            AcceptDueUnixMs = 121_000,
            History = [new ConsultEvent { AtUnixMs = 1_000, Kind = ConsultEventKind.Routed, CentreId = "centre-county", Text = "why" }],
        };

        byte[] bytes = MessagePackSerializer.Serialize(consult);
        string json = MessagePackSerializer.ConvertToJson(bytes);
        ConsultView back = MessagePackSerializer.Deserialize<ConsultView>(bytes);

        foreach (string key in new[] { "consultId", "request", "fromAmbulance", "strip", "targetCentreId", "acceptDueUnixMs", "history", "kind", "atUnixMs" })
            Assert.Contains($"\"{key}\":", json);
        Assert.Equal(consult with { History = back.History }, back);
        Assert.Equal(consult.History, back.History);
    }
}
