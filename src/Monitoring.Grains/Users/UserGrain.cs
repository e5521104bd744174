using Monitoring.Contracts.Centres;
using Monitoring.Contracts.Users;
using Monitoring.Grains.Security;

namespace Monitoring.Grains.Users;

/// <summary>A user of the development token issuer (production users come from the external OpenID Connect issuer).</summary>
public sealed class UserGrain(
    [PersistentState("user", StorageNames.State)] IPersistentState<UserState> state) : Grain, IUserGrain
{
    public async Task DefineAsync(UserDefinition definition, string password)
    {
        if (definition.UserId != this.GetPrimaryKeyString()) throw new ArgumentException($"The definition is for {definition.UserId}.");
        bool clinical = definition.Role != ClinicalRole.NetworkOperator;
        if (clinical && (definition.CentreId is null || await GrainFactory.GetGrain<ICentreGrain>(definition.CentreId).GetAsync() is null))
            throw new ArgumentException($"A {definition.Role} works for a defined monitoring centre; '{definition.CentreId}' is not one.");
        if (!clinical && definition.CentreId is not null)
            throw new ArgumentException("A network operator does not belong to a centre.");
        var (salt, hash) = Passwords.Hash(password);
        state.State = new UserState { Definition = definition, PasswordSalt = salt, PasswordHash = hash };
        await state.WriteStateAsync();
    }

    public Task<UserDefinition?> SignInAsync(string password) =>
        Task.FromResult(Passwords.Matches(password, state.State.PasswordSalt, state.State.PasswordHash) ? state.State.Definition : null);
}
