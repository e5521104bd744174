using Azure;
using Azure.Data.Tables;
using Orleans.Storage;

namespace Monitoring.Storage.GrainState;

/// <summary>
/// Orleans grain storage on Azure Tables (the Orleans Azure Storage packages are not available here). One entity per
/// grain state: PartitionKey = the escaped grain id, RowKey = the escaped state name, the serialized state in binary
/// properties <c>Data0..Data14</c> (up to 960 KiB). Optimistic concurrency through the entity's ETag: a write or clear
/// based on a stale ETag raises <see cref="InconsistentStateException"/>, which makes Orleans deactivate the grain so
/// that it re-reads the state.
/// </summary>
public sealed class TableGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string DataPrefix = "Data";

    private readonly string _name;
    private readonly TableClient _table;
    private readonly IGrainStorageSerializer _serializer;

    public TableGrainStorage(string name, TableGrainStorageOptions options, IGrainStorageSerializer serializer)
    {
        _name = name;
        _table = options.CreateTableClient();
        _serializer = serializer;
    }

    /// <summary>Creates the table if it does not exist; the silo does this at start (so an unreachable storage account
    /// fails the start rather than the first grain activation).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        _table.CreateIfNotExistsAsync(cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(TableGrainStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await _table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey(grainId), RowKey(stateName), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null)
        {
            // Nothing stored: Orleans keeps the freshly created default state.
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        TableEntity entity = response.Value;
        grainState.State = _serializer.Deserialize<T>(new BinaryData(BinaryProperties.Read(entity, DataPrefix)));
        grainState.ETag = entity.ETag.ToString();
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKey(grainId), RowKey(stateName));
        BinaryData data = _serializer.Serialize(grainState.State);
        BinaryProperties.Write(entity, DataPrefix, data.ToMemory().Span, () => $"The state '{stateName}' of grain {grainId}");
        try
        {
            // No ETag: this activation has seen no stored state, so there must be none (insert fails with 409 otherwise).
            // Replace, not merge, so that no Data property of a larger earlier state survives.
            Response response = grainState.ETag is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(grainState.ETag), TableUpdateMode.Replace, cancellationToken);
            grainState.ETag = response.Headers.ETag?.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw Inconsistent("write", stateName, grainId, grainState.ETag, e);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (grainState.ETag is not null)
        {
            try
            {
                // A missing entity (404) is not an error for the SDK: the state is gone either way.
                await _table.DeleteEntityAsync(PartitionKey(grainId), RowKey(stateName), new ETag(grainState.ETag), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 412)
            {
                throw Inconsistent("clear", stateName, grainId, grainState.ETag, e);
            }
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string PartitionKey(GrainId grainId) => TableKeys.Escape(grainId.ToString());

    private static string RowKey(string stateName) => TableKeys.Escape(stateName);

    private InconsistentStateException Inconsistent(string operation, string stateName, GrainId grainId, string? etag, RequestFailedException e) =>
        new($"Grain storage '{_name}': {operation} of state '{stateName}' of grain {grainId} with ETag {etag ?? "(none)"} " +
            $"conflicts with the stored state (HTTP {e.Status} {e.ErrorCode}); another activation wrote it.",
            storedEtag: "unknown", currentEtag: etag ?? "", e);
}
