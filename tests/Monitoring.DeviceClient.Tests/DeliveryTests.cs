using Monitoring.Contracts.Devices;
using Monitoring.DeviceHubStub;

namespace Monitoring.DeviceClient.Tests;

/// <summary>A client against a real SignalR device hub (the stub): order, persistence, resends, rejections, failures.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task Batches_arrive_once_each_in_sequence_order_with_several_in_flight()
    {
        await using StubHarness harness = await StubHarness.StartAsync();
        DeviceClient client = harness.Client("dev-order", o => o with { MaxInFlight = 4 });
        await client.StartAsync();

        await TestSignals.EnqueueAsync(client, TestSignals.Blocks(), 200);

        await Eventually.Until(() => client.GetStatistics().Pending == 0, "every batch persisted", () => client.GetStatistics().ToString());
        StubDevice device = harness.Backend.Device("dev-order")!;
        Assert.Equal(TestSignals.Range(1, 200), device.Held);
        Assert.Equal(0, device.Gaps);
        Assert.Equal(0, device.Duplicates);
        DeviceClientStatistics statistics = client.GetStatistics();
        Assert.Equal(200, statistics.Accepted);
        Assert.Equal(200, statistics.PersistedThroughSequence);
        Assert.Equal(201, statistics.NextSequence);
        Assert.True(statistics.MeanAckLatencyMs > 0);
    }

    [Fact]
    public async Task A_restarted_device_continues_from_the_sequence_it_is_given()
    {
        await using StubHarness harness = await StubHarness.StartAsync();
        DeviceClient client = harness.Client("dev-restart", o => o with { FirstSequence = 1000 });
        await client.StartAsync();

        await TestSignals.EnqueueAsync(client, TestSignals.Blocks(), 3);

        await Eventually.Until(() => harness.Backend.Device("dev-restart")?.Held.Count == 3, "three batches held");
        Assert.Equal([1000, 1001, 1002], harness.Backend.Device("dev-restart")!.Held);
    }

    [Fact]
    public async Task A_device_that_restarts_its_numbering_sees_its_batches_counted_as_duplicates_on_first_send()
    {
        await using StubHarness harness = await StubHarness.StartAsync();
        DeviceClient before = harness.Client("dev-renumber");
        await before.StartAsync();
        await TestSignals.EnqueueAsync(before, TestSignals.Blocks(), 5);
        await Eventually.Until(() => before.GetStatistics().Pending == 0, "the first life's batches persisted");
        await before.DisposeAsync();

        DeviceClient after = harness.Client("dev-renumber", o => o with { MaxInFlight = 1 });
        await after.StartAsync();
        await TestSignals.EnqueueAsync(after, TestSignals.Blocks(), 7);

        await Eventually.Until(() => after.GetStatistics() is { Accepted: 2, Pending: 0 }, "batches 6 and 7 accepted and persisted",
            () => after.GetStatistics().ToString());
        // Batch 1's answer says 1-5 are persisted: 2-5 are let go without being sent. The cloud holds the first life's
        // batches 1-5, so the second life's are lost.
        Assert.Equal(1, after.GetStatistics().DuplicatesOnFirstSend);
        Assert.Equal(3, after.GetStatistics().Sent);
        Assert.Equal(5, after.GetStatistics().LostBatches);
        Assert.Equal(0, before.GetStatistics().DuplicatesOnFirstSend);
        Assert.Equal(0, before.GetStatistics().LostBatches);
    }

    [Fact]
    public async Task Accepted_batches_are_kept_until_the_cloud_has_persisted_them()
    {
        await using StubHarness harness = await StubHarness.StartAsync(new StubBackend { SegmentBatches = 0 });
        DeviceClient client = harness.Client("dev-keep");
        await client.StartAsync();

        await TestSignals.EnqueueAsync(client, TestSignals.Blocks(), 10);
        await Eventually.Until(() => client.GetStatistics().Accepted == 10, "ten batches accepted");
        Assert.Equal(10, client.GetStatistics().Pending);

        harness.Backend.PersistThrough("dev-keep", 6);
        // Nothing more is being sent: the idle probe learns the new watermark.
        await Eventually.Until(() => client.GetStatistics() is { PersistedThroughSequence: 6, Pending: 4 }, "batches 1-6 let go",
            () => client.GetStatistics().ToString());

        harness.Backend.PersistThrough("dev-keep", 10);
        using var drained = new CancellationTokenSource(Eventually.DefaultTimeout);
        await client.DrainAsync(drained.Token);
        DeviceClientStatistics statistics = client.GetStatistics();
        Assert.Equal(0, statistics.Pending);
        Assert.Equal(0, statistics.LostBatches);
        Assert.True(statistics.Probes >= 2, $"{statistics.Probes} probes");
        Assert.Equal(TestSignals.Range(1, 10), harness.Backend.Device("dev-keep")!.Held);
    }

    [Fact]
    public async Task After_a_disconnect_every_unpersisted_batch_is_resent_and_the_cloud_ends_with_each_once_in_order()
    {
        await using StubHarness harness = await StubHarness.StartAsync(new StubBackend { SegmentBatches = 0 });
        var (client, blocks) = await AcceptedWithoutProbesAsync(harness, "dev-resend", 20);   // only the reconnect may cause resends
        harness.Backend.PersistThrough("dev-resend", 8);
        await TestSignals.EnqueueAsync(client, blocks, 1);
        await Eventually.Until(() => client.GetStatistics().PersistedThroughSequence == 8, "the client learning that 1-8 are persisted");

        // The link drops and the device's grain comes back without what it had not persisted.
        harness.Backend.ForgetUnpersisted();
        harness.Backend.AbortConnections();
        await TestSignals.EnqueueAsync(client, blocks, 9);

        await Eventually.Until(() => harness.Backend.Inspect("dev-resend", d => d!.Held.Count) == 30, "batches 1-30 held",
            () => client.GetStatistics().ToString());
        StubDevice device = harness.Backend.Device("dev-resend")!;
        Assert.Equal(TestSignals.Range(1, 30), device.Held);
        Assert.Equal(0, device.Gaps);
        for (long sequence = 1; sequence <= 8; sequence++) Assert.Equal(1, device.DeliveriesOf(sequence));
        for (long sequence = 9; sequence <= 21; sequence++) Assert.Equal(2, device.DeliveriesOf(sequence));
        DeviceClientStatistics statistics = client.GetStatistics();
        Assert.Equal(1, statistics.Reconnects);
        // 9-21 at least; batches enqueued while the dead link was still taken for alive are resent too.
        Assert.True(statistics.Resent >= 13, statistics.ToString());
    }

    [Fact]
    public async Task Batches_the_cloud_still_has_come_back_as_duplicates_after_a_reconnect()
    {
        await using StubHarness harness = await StubHarness.StartAsync(new StubBackend { SegmentBatches = 0 });
        DeviceClient client = harness.Client("dev-dup", o => o with { PersistProbeInterval = TimeSpan.FromHours(1) });
        await client.StartAsync();

        await TestSignals.EnqueueAsync(client, TestSignals.Blocks(), 10);
        await Eventually.Until(() => client.GetStatistics().Accepted == 10, "ten batches accepted");
        harness.Backend.AbortConnections();

        await Eventually.Until(() => client.GetStatistics().Duplicates == 10, "the ten batches resent and answered as duplicates",
            () => client.GetStatistics().ToString());
        Assert.Equal(TestSignals.Range(1, 10), harness.Backend.Device("dev-dup")!.Held);
        Assert.Equal(10, client.GetStatistics().Resent);
        Assert.Equal(10, client.GetStatistics().Pending);
    }

    [Fact]
    public async Task A_cloud_that_lost_unpersisted_batches_under_a_live_connection_gets_them_again_after_the_idle_probe()
    {
        await using StubHarness harness = await StubHarness.StartAsync(new StubBackend { SegmentBatches = 0 });
        DeviceClient client = harness.Client("dev-probe");
        await client.StartAsync();

        await TestSignals.EnqueueAsync(client, TestSignals.Blocks(), 10);
        await Eventually.Until(() => client.GetStatistics().Accepted == 10, "ten batches accepted");
        harness.Backend.ForgetUnpersisted();

        await Eventually.Until(() => harness.Backend.Inspect("dev-probe", d => d!.Held.Count) == 10, "batches 1-10 held again");
        Assert.Equal(TestSignals.Range(1, 10), harness.Backend.Device("dev-probe")!.Held);
        Assert.Equal(0, client.GetStatistics().Reconnects);
    }

    [Fact]
    public async Task A_batch_the_cloud_lost_after_taking_later_ones_is_sent_again_when_the_cloud_asks()
    {
        await using StubHarness harness = await StubHarness.StartAsync(new StubBackend { SegmentBatches = 0 });
        var (client, blocks) = await AcceptedWithoutProbesAsync(harness, "dev-astray", 10);   // only the cloud's ask may bring a batch back

        // Batch 4 was taken by a second activation of the device grain, which was lost; this one stored 1-10 but 4.
        harness.Backend.Lose("dev-astray", 4);
        harness.Backend.PersistThrough("dev-astray", 10);
        await TestSignals.EnqueueAsync(client, blocks, 1);   // batch 11's answer: persisted through 3, send again from 4

        await Eventually.Until(() => client.GetStatistics() is { PersistedThroughSequence: 10, Pending: 1 }, "batches 1-10 persisted, 4 included",
            () => client.GetStatistics().ToString());
        Assert.Equal(2, harness.Backend.Device("dev-astray")!.DeliveriesOf(4));
        Assert.Equal(TestSignals.Range(1, 11), harness.Backend.Device("dev-astray")!.Held.Order());
        Assert.Equal((1L, 0L), (client.GetStatistics().ResendRequests, client.GetStatistics().LostBatches));
    }

    [Fact]
    public async Task Rejected_batches_are_reported_dropped_and_never_resent()
    {
        var backend = new StubBackend
        {
            SegmentBatches = 0,
            Reject = batch => batch.Sequence == 3 ? (BatchErrors.SampleCount, "test rejection") : null,
        };
        await using StubHarness harness = await StubHarness.StartAsync(backend);
        DeviceClient client = harness.Client("dev-reject");
        var rejections = new List<BatchRejection>();
        client.BatchRejected += rejection => { lock (rejections) rejections.Add(rejection); };
        await client.StartAsync();
        BatchBuilder blocks = TestSignals.Blocks();

        await TestSignals.EnqueueAsync(client, blocks, 5);
        await Eventually.Until(() => client.GetStatistics() is { Accepted: 4, Rejected: 1 }, "four accepted and one rejected");
        Assert.Equal(4, client.GetStatistics().Pending);

        harness.Backend.AbortConnections();
        await Eventually.Until(() => client.GetStatistics().Reconnects >= 1, "a reconnect");
        await TestSignals.EnqueueAsync(client, blocks, 3);
        await Eventually.Until(() => harness.Backend.Inspect("dev-reject", d => d!.Held.Count) == 7, "seven batches held");

        Assert.Equal([1, 2, 4, 5, 6, 7, 8], harness.Backend.Device("dev-reject")!.Held);
        Assert.Equal(1, harness.Backend.Device("dev-reject")!.DeliveriesOf(3));
        BatchRejection only = Assert.Single(rejections);
        Assert.Equal(new BatchRejection(3, BatchErrors.SampleCount, "test rejection"), only);
        Assert.Equal(1, client.GetStatistics().Rejected);
        Assert.Equal(1, client.GetStatistics().LostBatches);
    }

    [Fact]
    public async Task A_server_error_is_not_an_acknowledgement_and_the_batch_is_sent_again()
    {
        int failures = 0;
        var backend = new StubBackend { Fail = batch => batch.Sequence == 5 && Interlocked.Increment(ref failures) == 1 };
        await using StubHarness harness = await StubHarness.StartAsync(backend);
        DeviceClient client = harness.Client("dev-fail", o => o with { MaxInFlight = 1 });
        await client.StartAsync();

        await TestSignals.EnqueueAsync(client, TestSignals.Blocks(), 10);

        await Eventually.Until(() => client.GetStatistics().Pending == 0, "every batch persisted", () => client.GetStatistics().ToString());
        Assert.Equal(TestSignals.Range(1, 10), harness.Backend.Device("dev-fail")!.Held);
        DeviceClientStatistics statistics = client.GetStatistics();
        Assert.Equal(1, statistics.SendFailures);
        Assert.Equal(1, statistics.Resent);
        Assert.Contains("Stub failure", statistics.LastError);
    }

    [Fact]
    public void A_block_the_cloud_would_reject_is_refused_without_using_a_sequence_number()
    {
        var client = new DeviceClient(new DeviceClientOptions { ServerUrl = new Uri("http://127.0.0.1:1"), DeviceId = "dev-bad", Token = "dev-bad:s" });
        var tooSlow = new SampleBlock(TestSignals.StartUnixMs, 50, 200, ["II"], new short[10]);

        var error = Assert.Throws<ArgumentException>(() => client.TryEnqueue(tooSlow, out _));

        Assert.Contains(BatchErrors.SamplingRate, error.Message);
        Assert.Equal(1, client.GetStatistics().NextSequence);
        Assert.Equal(0, client.GetStatistics().Pending);
    }

    [Fact]
    public void The_token_must_belong_to_the_device()
    {
        Assert.Throws<ArgumentException>(() => new DeviceClient(
            new DeviceClientOptions { ServerUrl = new Uri("http://127.0.0.1:1"), DeviceId = "dev-a", Token = "dev-b:secret" }));
    }

    /// <summary>A started client without idle probes (only what the test does causes resends) whose first <paramref name="batches"/> are accepted.</summary>
    private static async Task<(DeviceClient Client, BatchBuilder Blocks)> AcceptedWithoutProbesAsync(StubHarness harness, string deviceId, int batches)
    {
        DeviceClient client = harness.Client(deviceId, o => o with { PersistProbeInterval = TimeSpan.FromHours(1) });
        await client.StartAsync();
        BatchBuilder blocks = TestSignals.Blocks();
        await TestSignals.EnqueueAsync(client, blocks, batches);
        await Eventually.Until(() => client.GetStatistics().Accepted == batches, $"{batches} batches accepted");
        return (client, blocks);
    }
}
