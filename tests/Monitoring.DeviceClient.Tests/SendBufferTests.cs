namespace Monitoring.DeviceClient.Tests;

public sealed class SendBufferTests
{
    private static PendingBatch Batch(long sequence) => new(sequence, [], 0.25);

    [Fact]
    public void Batches_are_taken_in_order_and_let_go_once_persisted()
    {
        var buffer = new SendBuffer(10, 60);
        for (long s = 1; s <= 5; s++) buffer.Add(Batch(s));

        Assert.Equal(1, buffer.TakeNext()!.Sequence);
        Assert.Equal(2, buffer.TakeNext()!.Sequence);
        Assert.Equal(2, buffer.PersistedThrough(2));
        Assert.Equal(3, buffer.TakeNext()!.Sequence);
        Assert.Equal(3, buffer.Count);
        Assert.Equal(0.75, buffer.Seconds, 6);
        Assert.Equal(0, buffer.PersistedThrough(1));
    }

    [Fact]
    public void Rewinding_skips_what_the_session_acknowledged()
    {
        var buffer = new SendBuffer(10, 60);
        for (long s = 1; s <= 4; s++) buffer.Add(Batch(s));
        buffer.TakeNext()!.AcknowledgedInSession = 7;
        buffer.TakeNext();
        buffer.TakeNext()!.AcknowledgedInSession = 7;

        buffer.RewindTo(7);
        Assert.Equal(2, buffer.TakeNext()!.Sequence);

        buffer.RewindTo(8);
        Assert.Equal(1, buffer.TakeNext()!.Sequence);
    }

    [Fact]
    public void Rejecting_the_next_batch_moves_the_send_position_on_and_counts_it_lost_once()
    {
        var buffer = new SendBuffer(10, 60);
        PendingBatch first = Batch(1);
        buffer.Add(first);
        buffer.Add(Batch(2));

        buffer.Reject(first);
        buffer.Reject(first);

        Assert.Equal(2, buffer.TakeNext()!.Sequence);
        Assert.Equal(1, buffer.Count);
        Assert.Equal((1, 0.25), (buffer.LostBatches, buffer.LostSeconds));
    }

    /// <summary>
    /// Persisted through a batch's sequence, the cloud holds its samples only if the batch reached it: sent, and not
    /// answered duplicate on its first send (the cloud's batch of that number was another, from an earlier life).
    /// </summary>
    [Fact]
    public void Batches_let_go_that_never_reached_the_cloud_count_as_lost()
    {
        var buffer = new SendBuffer(10, 60);
        for (long s = 1; s <= 4; s++) buffer.Add(Batch(s));
        buffer.TakeNext()!.Sends = 1;                                             // 1: sent and accepted
        PendingBatch second = buffer.TakeNext()!;
        second.Sends = 2;                                                         // 2: resent, duplicate the second time
        PendingBatch third = buffer.TakeNext()!;
        third.Sends = 1;
        third.DuplicateOnFirstSend = true;                                        // 3: the cloud had another batch 3
                                                                                  // 4: never sent
        Assert.Equal(4, buffer.PersistedThrough(4));

        Assert.Equal((2, 0.5), (buffer.LostBatches, buffer.LostSeconds));
    }

    [Fact]
    public void Sequences_must_increase()
    {
        var buffer = new SendBuffer(10, 60);
        buffer.Add(Batch(5));

        Assert.Throws<InvalidOperationException>(() => buffer.Add(Batch(5)));
    }

    [Fact]
    public void An_empty_buffer_takes_a_batch_longer_than_its_bound()
    {
        var buffer = new SendBuffer(10, 0.1);

        Assert.True(buffer.HasRoomFor(5));
        buffer.Add(new PendingBatch(1, [], 5));
        Assert.False(buffer.HasRoomFor(0.01));
    }
}
