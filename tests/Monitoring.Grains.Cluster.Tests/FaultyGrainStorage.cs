using System.Collections.Concurrent;
using Orleans.Storage;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// Grain storage in front of the memory storage that fails chosen grains' writes: either the write lands and the grain
/// hears an error and keeps its old ETag (a connection cut mid-request), or the write fails and does not land (storage
/// unreachable).
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner, FaultyGrainStorage.Switch faults) : IGrainStorage
{
    /// <summary>Which grains' writes fail, and how.</summary>
    public sealed class Switch
    {
        private readonly ConcurrentDictionary<GrainId, int> _losingAnswer = new();
        private readonly ConcurrentDictionary<GrainId, int> _unreachable = new();

        public void LoseNextWriteAnswer(GrainId grain) => _losingAnswer[grain] = 1;

        public bool TakeLoss(GrainId grain) => _losingAnswer.TryRemove(grain, out _);

        /// <summary>The grain's writes fail without landing until <see cref="Reach"/>.</summary>
        public void Unreach(GrainId grain) => _unreachable[grain] = 1;

        public void Reach(GrainId grain) => _unreachable.TryRemove(grain, out _);

        public bool IsUnreachable(GrainId grain) => _unreachable.ContainsKey(grain);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (faults.IsUnreachable(grainId)) throw new IOException("Storage unreachable (the test cut it off).");
        string? etagBefore = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (!faults.TakeLoss(grainId)) return;
        grainState.ETag = etagBefore;
        throw new IOException("Connection cut before the answer came (the test lost it; the write landed).");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
