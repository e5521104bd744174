using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Grains;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Centres;
using Monitoring.Grains.Consults;
using Monitoring.Grains.Live;
using Monitoring.Grains.Waveforms;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>
/// One in-process silo for the whole collection: memory grain storage (Orleans serializer) that can fail a grain's
/// writes (answer lost, or not landed), grain calls that can fail before or after they ran, in-memory reminders,
/// recording fakes for the host's services, and a fake clock for grain time (the grains' clock and their timers) while
/// Orleans' own background loops stay on real time. Tests use their own ids, and run one at a time since they share the clock.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Grain time starts here (a fixed day, so that times in failures are readable).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private const string MemoryState = "memory-state";

    public FakeTimeProvider Clock { get; } = new(Start);
    public RecordingPublisher Publisher { get; } = new();
    public SwitchableAlarmJournal Journal { get; } = new();
    public MemoryEscalatedAlarmIndex Escalations { get; } = new();
    public FaultyGrainStorage.Switch StorageFaults { get; } = new();
    public FailingCalls FailingCalls { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            // Stored with the Orleans serializer, as the Azure Tables storage of the server does (field ids, not JSON).
            silo.AddMemoryGrainStorage(MemoryState, options => options.Configure<Serializer>(
                (storage, serializer) => storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            silo.Services.AddGrainStorage(StorageNames.State, (services, _) =>
                new FaultyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(MemoryState), StorageFaults));
            silo.UseInMemoryReminderService();
            silo.AddIncomingGrainCallFilter(FailingCalls);
            silo.Services.AddSingleton<IMonitoringPublisher>(Publisher);
            silo.Services.AddSingleton<IAlarmJournal>(Journal);
            silo.Services.AddSingleton<IFullDisclosureStore, MemoryFullDisclosureStore>();
            silo.Services.AddSingleton<IEscalatedAlarmIndex>(Escalations);
            silo.Services.AddSingleton(new AlarmPolicy());
            silo.Services.AddSingleton(new ConsultPolicy());
            // The default clock drives grain time (TimeProviderNames.Grains); every other area keeps real time.
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster";
}
