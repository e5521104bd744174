using Monitoring.DeviceHubStub;

namespace Monitoring.DeviceClient.Tests;

/// <summary>Coverage loss and recovery: no server at start, a server restarted on the same port, a refused token.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task A_full_buffer_pushes_back_on_the_producer_until_the_cloud_takes_batches()
    {
        await using StubHarness harness = StubHarness.NotStarted();
        DeviceClient client = harness.Client("dev-full", o => o with { MaxPendingBatches = 5 });
        await client.StartAsync();
        BatchBuilder blocks = TestSignals.Blocks();

        for (int i = 0; i < 5; i++) Assert.True(client.TryEnqueue(blocks.Next()!, out _), $"batch {i + 1} fits");
        SampleBlock sixth = blocks.Next()!;
        Assert.False(client.TryEnqueue(sixth, out _));
        ValueTask<long> waiting = client.EnqueueAsync(sixth);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "EnqueueAsync returned while the buffer was full");
        Assert.Equal(5, client.GetStatistics().Pending);

        await harness.StartServerAsync();

        Assert.Equal(6, await waiting.AsTask().WaitAsync(Eventually.DefaultTimeout));
        await Eventually.Until(() => harness.Backend.Inspect("dev-full", d => d?.Held.Count) == 6, "six batches held");
        Assert.Equal(TestSignals.Range(1, 6), harness.Backend.Device("dev-full")!.Held);
    }

    [Fact]
    public async Task The_buffer_is_also_bounded_by_signal_time()
    {
        await using StubHarness harness = StubHarness.NotStarted();
        DeviceClient client = harness.Client("dev-seconds", o => o with { MaxPendingSignal = TimeSpan.FromSeconds(1) });
        BatchBuilder blocks = TestSignals.Blocks();

        for (int i = 0; i < 4; i++) Assert.True(client.TryEnqueue(blocks.Next()!, out _), $"batch {i + 1} fits");

        Assert.False(client.TryEnqueue(blocks.Next()!, out _));
        Assert.Equal(1.0, client.GetStatistics().PendingSeconds, 3);
    }

    [Fact]
    public async Task The_client_reconnects_by_itself_when_the_server_comes_back_on_the_same_port()
    {
        await using StubHarness harness = await StubHarness.StartAsync();
        DeviceClient client = harness.Client("dev-outage");
        await client.StartAsync();
        BatchBuilder blocks = TestSignals.Blocks();
        await TestSignals.EnqueueAsync(client, blocks, 5);
        await Eventually.Until(() => client.GetStatistics().Pending == 0, "batches 1-5 persisted");

        await harness.StopServerAsync();
        await Eventually.Until(() => !client.IsConnected, "the client noticing the outage");
        await TestSignals.EnqueueAsync(client, blocks, 5);
        await Task.Delay(200); // several failed reconnect attempts
        Assert.Equal(5, client.GetStatistics().Pending);

        await harness.StartServerAsync();

        await Eventually.Until(() => harness.Backend.Inspect("dev-outage", d => d!.Held.Count) == 10, "batches 1-10 held",
            () => client.GetStatistics().ToString());
        Assert.Equal(TestSignals.Range(1, 10), harness.Backend.Device("dev-outage")!.Held);
        Assert.True(client.GetStatistics().Reconnects >= 1);
        await Eventually.Until(() => client.GetStatistics().Pending == 0, "batches 6-10 persisted");
    }

    [Fact]
    public async Task Dropping_the_connection_from_the_client_side_reconnects_and_loses_nothing()
    {
        await using StubHarness harness = await StubHarness.StartAsync(new StubBackend { SegmentBatches = 4 });
        DeviceClient client = harness.Client("dev-drop");
        await client.StartAsync();
        BatchBuilder blocks = TestSignals.Blocks();

        for (int round = 1; round <= 5; round++)
        {
            await TestSignals.EnqueueAsync(client, blocks, 6);
            await Eventually.Until(() => client.IsConnected && harness.Backend.Inspect("dev-drop", d => d?.Held.Count) == 6 * round,
                $"round {round}: connected and {6 * round} batches held");
            await client.DropConnectionAsync();
        }

        await Eventually.Until(() => harness.Backend.Inspect("dev-drop", d => d?.Held.Count) == 30, "batches 1-30 held",
            () => client.GetStatistics().ToString());
        Assert.Equal(TestSignals.Range(1, 30), harness.Backend.Device("dev-drop")!.Held);
        await Eventually.Until(() => client.GetStatistics().Reconnects == 5, "the fifth reconnect", () => client.GetStatistics().ToString());
    }

    [Fact]
    public async Task A_refused_token_keeps_the_device_offline_and_retrying()
    {
        var backend = new StubBackend { Tokens = new Dictionary<string, string> { ["dev-token"] = "dev-token:right" } };
        await using StubHarness harness = await StubHarness.StartAsync(backend);
        DeviceClient client = harness.Client("dev-token", token: "dev-token:wrong");
        await client.StartAsync();

        await Eventually.Until(() => backend.Unauthorized >= 3, "three refused attempts");

        DeviceClientStatistics statistics = client.GetStatistics();
        Assert.False(statistics.Connected);
        Assert.Contains("401", statistics.LastError);
        Assert.Equal(0, backend.ConnectionsOpened);
    }
}
