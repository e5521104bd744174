using System.Collections.Concurrent;
using Orleans.Storage;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// Grain storage in front of the memory storage that can lose the answer of a grain's next write: the write lands, the
/// grain hears an error and keeps its old ETag, as when a connection is cut mid-request.
/// </summary>
public sealed class AnswerLosingGrainStorage(IGrainStorage inner, AnswerLosingGrainStorage.Switch losing) : IGrainStorage
{
    /// <summary>Which grains lose the answer of their next write.</summary>
    public sealed class Switch
    {
        private readonly ConcurrentDictionary<GrainId, int> _grains = new();

        public void LoseNextWriteAnswer(GrainId grain) => _grains[grain] = 1;

        public bool TakeLoss(GrainId grain) => _grains.TryRemove(grain, out _);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string? etagBefore = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (!losing.TakeLoss(grainId)) return;
        grainState.ETag = etagBefore;
        throw new IOException("Connection cut before the answer came (the test lost it; the write landed).");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
