using Monitoring.Contracts.Network;

namespace Monitoring.Grains.Network;

/// <summary>A facility of the five-tier network: its place in the tree, its monitoring centres and its patients.</summary>
public sealed class FacilityGrain(
    [PersistentState("facility", StorageNames.State)] IPersistentState<FacilityState> state) : Grain, IFacilityGrain
{
    private FacilityState State => state.State;

    private string FacilityId => this.GetPrimaryKeyString();

    public async Task<FacilityInfo> DefineAsync(FacilityDefinition definition)
    {
        if (definition.FacilityId != FacilityId) throw new ArgumentException($"The definition is for {definition.FacilityId}, not {FacilityId}.");
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name);
        if (State.Definition is { } existing)
        {
            if (existing.ParentId != definition.ParentId || existing.Tier != definition.Tier)
                throw new InvalidOperationException($"Facility {FacilityId} is already defined under {existing.ParentId ?? "nothing"} as {existing.Tier}; moving a facility is not supported.");
            if (existing == definition) return Info();
            State.Definition = definition;
            await state.WriteStateAsync();
            return Info();
        }

        State.Path = await PathThroughParentAsync(definition);
        State.Definition = definition;
        await state.WriteStateAsync();
        if (definition.ParentId is { } parentId) await GrainFactory.GetGrain<IFacilityGrain>(parentId).AddChildAsync(FacilityId);
        return Info();
    }

    /// <summary>Checks the tier against the parent's and returns the path from the province down to this facility.</summary>
    private async Task<List<string>> PathThroughParentAsync(FacilityDefinition definition)
    {
        if (definition.ParentId is null)
        {
            if (definition.Tier != FacilityTier.Province) throw new ArgumentException($"Only the provincial hospital has no parent; {FacilityId} is a {definition.Tier} facility.");
            return [FacilityId];
        }
        FacilityInfo parent = await GrainFactory.GetGrain<IFacilityGrain>(definition.ParentId).GetAsync()
            ?? throw new ArgumentException($"The parent facility {definition.ParentId} is not defined.");
        if (definition.Tier != parent.Definition.Tier + 1)
            throw new ArgumentException($"A {definition.Tier} facility cannot be under the {parent.Definition.Tier} facility {definition.ParentId}.");
        return [.. parent.Path, FacilityId];
    }

    public Task<FacilityInfo?> GetAsync() => Task.FromResult(State.Definition is null ? null : Info());

    public async Task AddChildAsync(string facilityId)
    {
        if (State.Children.Contains(facilityId)) return;
        State.Children.Add(facilityId);
        await state.WriteStateAsync();
    }

    public async Task AddCentreAsync(string centreId)
    {
        if (State.Definition is null) throw new InvalidOperationException($"Facility {FacilityId} is not defined.");
        if (State.Centres.Contains(centreId)) return;
        State.Centres.Add(centreId);
        await state.WriteStateAsync();
    }

    public async Task AddPatientAsync(string patientId)
    {
        if (State.Patients.Add(patientId)) await state.WriteStateAsync();
    }

    public async Task RemovePatientAsync(string patientId)
    {
        if (State.Patients.Remove(patientId)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetPatientsAsync() => Task.FromResult<IReadOnlyList<string>>([.. State.Patients.Order(StringComparer.Ordinal)]);

    private FacilityInfo Info() => new()
    {
        Definition = State.Definition!,
        Path = [.. State.Path],
        Children = [.. State.Children],
        Centres = [.. State.Centres],
    };
}
