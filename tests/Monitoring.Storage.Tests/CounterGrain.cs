namespace Monitoring.Storage.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task ClearAsync();
}

/// <summary>The smallest grain with persistent state on the "tables" provider.</summary>
public sealed class CounterGrain([PersistentState("counter", SiloWithTableStorageTests.StorageName)] IPersistentState<TestState> state)
    : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Counter++;
        await state.WriteStateAsync();
        return state.State.Counter;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Counter);

    public Task ClearAsync() => state.ClearStateAsync();
}
