using Orleans.Storage;

namespace Monitoring.Grains.Persistence;

/// <summary>
/// Writes one activation's grain state, and tells its own write whose answer was lost from another activation's.
/// A write can land although its answer never comes back (a connection cut mid-request): the activation then holds an
/// ETag that is no longer the stored one, and its next write fails as if another activation had written. The state
/// names the activation that wrote it; when the stored state is this activation's own, only the ETag was missing and
/// the write is made again on the fresh one. When it is another's, this and every later write fail with
/// <see cref="InconsistentStateException"/>: this activation must never overwrite it.
/// </summary>
public sealed class ActivationStateWriter<TState>(IPersistentState<TState> state) where TState : class, IActivationStamped
{
    private readonly Guid _activation = Guid.NewGuid();
    private bool _overtaken;

    public async Task WriteAsync()
    {
        if (_overtaken) throw new InconsistentStateException("Another activation wrote this grain's state; this one no longer writes it.");
        state.State.WrittenBy = _activation;
        try
        {
            await state.WriteStateAsync();
            return;
        }
        catch (InconsistentStateException)
        {
            // Reading fails while storage is out: the write then fails as any write does then, and is made again later.
            if (!await StoredStateIsOwnAsync())
            {
                _overtaken = true;
                throw;
            }
        }
        await state.WriteStateAsync();
    }

    /// <summary>Reads the stored state for its writer and ETag, and keeps this activation's state in memory.</summary>
    private async Task<bool> StoredStateIsOwnAsync()
    {
        TState mine = state.State;
        try
        {
            await state.ReadStateAsync();
            return state.State.WrittenBy == _activation;
        }
        finally
        {
            state.State = mine;
        }
    }
}
