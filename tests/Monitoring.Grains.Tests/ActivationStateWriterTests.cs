using Monitoring.Grains.Persistence;
using Orleans.Storage;

namespace Monitoring.Grains.Tests;

public sealed class ActivationStateWriterTests
{
    private sealed class Counter : IActivationStamped
    {
        public Guid WrittenBy { get; set; }
        public int Value { get; set; }
    }

    /// <summary>One stored row with ETag checks, as table storage keeps it; each activation holds its own copy.</summary>
    private sealed class Row
    {
        public Counter? Stored { get; set; }
        public string Etag { get; set; } = "0";
        public int Writes { get; set; }
        public bool LoseNextAnswer { get; set; }
    }

    private sealed class Activation(Row row) : IPersistentState<Counter>
    {
        public Counter State { get; set; } = new();
        public string? Etag { get; private set; } = row.Etag;
        public bool RecordExists => row.Stored is not null;

        public Task ReadStateAsync()
        {
            State = Copy(row.Stored ?? new Counter());
            Etag = row.Etag;
            return Task.CompletedTask;
        }

        public Task WriteStateAsync()
        {
            if (Etag != row.Etag) throw new InconsistentStateException("stale ETag", row.Etag, Etag ?? "");
            row.Stored = Copy(State);
            row.Etag = (++row.Writes).ToString();
            if (row.LoseNextAnswer)
            {
                row.LoseNextAnswer = false;
                throw new IOException("connection cut before the answer");
            }
            Etag = row.Etag;
            return Task.CompletedTask;
        }

        public Task ClearStateAsync() => throw new NotSupportedException();

        private static Counter Copy(Counter c) => new() { WrittenBy = c.WrittenBy, Value = c.Value };
    }

    [Fact]
    public async Task A_write_that_landed_though_its_answer_was_lost_is_recognised_and_the_next_write_goes_through()
    {
        var row = new Row();
        var activation = new Activation(row);
        var writer = new ActivationStateWriter<Counter>(activation);

        activation.State.Value = 1;
        row.LoseNextAnswer = true;
        await Assert.ThrowsAsync<IOException>(writer.WriteAsync);
        Assert.Equal(1, row.Stored!.Value);

        activation.State.Value = 2;
        await writer.WriteAsync();

        Assert.Equal(2, row.Stored.Value);
        Assert.Equal(2, activation.State.Value);
        Assert.Equal(row.Etag, activation.Etag);
    }

    [Fact]
    public async Task State_written_by_another_activation_is_never_overwritten_by_this_one()
    {
        var row = new Row();
        var first = new Activation(row);
        var firstWriter = new ActivationStateWriter<Counter>(first);
        first.State.Value = 1;
        await firstWriter.WriteAsync();

        var second = new Activation(row);
        await second.ReadStateAsync();
        second.State.Value = 10;
        await new ActivationStateWriter<Counter>(second).WriteAsync();

        first.State.Value = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(firstWriter.WriteAsync);
        // Reading the stored state gave the first activation the fresh ETag; it still must not write.
        await Assert.ThrowsAsync<InconsistentStateException>(firstWriter.WriteAsync);
        Assert.Equal(10, row.Stored!.Value);
        Assert.Equal(2, first.State.Value);
    }
}
