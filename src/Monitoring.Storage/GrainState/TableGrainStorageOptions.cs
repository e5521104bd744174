using Orleans.Storage;

namespace Monitoring.Storage.GrainState;

/// <summary>Configuration of one <see cref="TableGrainStorage"/> provider.</summary>
public sealed class TableGrainStorageOptions : TableOptions
{
    public TableGrainStorageOptions() : base("GrainState")
    {
    }

    /// <summary>
    /// How grain state becomes bytes. Default (null): Orleans' own binary serializer, because grain state types are
    /// already <c>[GenerateSerializer]</c> types for grain calls, its field ids make the stored form version tolerant
    /// (fields can be added or removed later) and it is compact; System.Text.Json would need public setters or
    /// constructors on every state type and does not round-trip polymorphic or immutable Orleans types. The price:
    /// the stored state is not human-readable in a table browser.
    /// </summary>
    public IGrainStorageSerializer? Serializer { get; set; }
}
