using Monitoring.Contracts.Users;

namespace Monitoring.Grains.Users;

[GenerateSerializer]
public sealed class UserState
{
    [Id(0)] public UserDefinition? Definition { get; set; }
    [Id(1)] public byte[]? PasswordSalt { get; set; }
    [Id(2)] public byte[]? PasswordHash { get; set; }
}
