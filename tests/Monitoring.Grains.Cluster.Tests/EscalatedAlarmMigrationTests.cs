using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Patients;
using Monitoring.Grains.Alarms;
using Monitoring.Grains.Centres;
using Orleans.Storage;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>A centre stored by the version that kept its escalated alarms in the grain state still lists them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EscalatedAlarmMigrationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Escalated_alarms_in_an_old_centre_state_move_to_the_index_when_the_centre_activates()
    {
        var network = await CareNetwork.CreateAsync(fixture.Grains);
        string patientId = await network.AdmitVillagePatientAsync(fixture.Grains);
        var patient = fixture.Grains.GetGrain<IPatientGrain>(patientId);
        await patient.AttachDeviceAsync($"{patientId}-device");
        fixture.Clock.Advance(TimeSpan.FromSeconds(new PatientAlarmSettings().SignalLossSeconds + 1));
        Alarm alarm = (await GrainWait.UntilAsync(patient.GetActiveAlarmsAsync, list => list.Any(a => a.Condition == AlarmCatalog.SignalLoss), "NO SIGNAL")).Single();

        // A centre that has not activated since the upgrade: its stored state still holds the list.
        string legacyCentre = $"{network.Id}-legacy-centre";
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        GrainId grainId = fixture.Grains.GetGrain<ICentreGrain>(legacyCentre).GetGrainId();
        var old = new GrainState<CentreState>(new CentreState { Name = "Legacy", EscalatedAlarms = { [alarm.AlarmId] = patientId } });
        await storage.WriteStateAsync("centre", grainId, old);

        IReadOnlyList<Alarm> listed = await fixture.Grains.GetGrain<ICentreGrain>(legacyCentre).GetActiveAlarmsAsync();

        Assert.Equal([alarm.AlarmId], listed.Select(a => a.AlarmId));
        Assert.Equal(new Dictionary<string, string> { [alarm.AlarmId] = patientId }, await fixture.Escalations.ListAsync(legacyCentre));
        var stored = new GrainState<CentreState>(new CentreState());
        await storage.ReadStateAsync("centre", grainId, stored);
        Assert.NotNull(stored.State);
        Assert.Empty(stored.State.EscalatedAlarms);
        Assert.Equal("Legacy", stored.State.Name);
    }
}
