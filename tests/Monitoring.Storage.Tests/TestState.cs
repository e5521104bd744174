namespace Monitoring.Storage.Tests;

/// <summary>A grain state as grains declare theirs: an Orleans-serializable type.</summary>
[GenerateSerializer]
public sealed class TestState
{
    [Id(0)] public int Counter { get; set; }

    [Id(1)] public string Note { get; set; } = "";

    [Id(2)] public byte[] Blob { get; set; } = [];
}
