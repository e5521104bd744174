using System.Net.Http.Json;
using Azure.Data.Tables;
using Monitoring.Storage.Tests;

namespace Monitoring.Server.Tests;

/// <summary>The server with full disclosure in a storage account of its own (a second Azurite).</summary>
public sealed class WaveformAccountServerFixture : ServerFixture
{
    private readonly AzuriteFixture _waveformAccount = new();

    public string WaveformConnectionString => _waveformAccount.ConnectionString;

    public override async Task InitializeAsync()
    {
        await _waveformAccount.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _waveformAccount.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings, WebApplicationBuilder builder) =>
        settings["Monitoring:WaveformStorageConnectionString"] = _waveformAccount.ConnectionString;
}

public sealed class WaveformAccountTests(WaveformAccountServerFixture server) : IClassFixture<WaveformAccountServerFixture>
{
    [Fact]
    public async Task FullDisclosureIsWrittenToItsOwnAccountAndReadBackExactly()
    {
        var (deviceToken, _) = await server.ProvisionAsync("pat-acct", "dev-acct", "centre-acct");
        await using var device = await HubClients.ConnectDeviceAsync(server.BaseAddress, deviceToken);
        var batches = RecordStream.Batches("dev-acct", "mitdb", "119", 60, 72);
        foreach (var batch in batches) await device.SendAsync(batch);
        await server.WaitPersistedAsync("dev-acct", batches[^1].Sequence);

        long from = batches[0].FirstSampleTimeUnixMs, to = batches[^1].FirstSampleTimeUnixMs + 250;
        var stored = await server.Operator.GetFromJsonAsync<AlarmFlowScenarios.WaveformDto>($"/api/patients/pat-acct/waveform?from={from}&to={to}", TestJson.Options);
        Assert.Equal(batches.SelectMany(b => b.Samples), stored!.Segments.SelectMany(s => s.Samples));

        string waveformTable = server.TablePrefix + "Waveforms";
        Assert.Contains(waveformTable, await TablesAsync(server.WaveformConnectionString));
        Assert.DoesNotContain(waveformTable, await TablesAsync(server.StorageConnectionString));
        Assert.Contains(server.TablePrefix + "GrainState", await TablesAsync(server.StorageConnectionString));
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(connectionString).QueryAsync()) names.Add(table.Name);
        return names;
    }
}
