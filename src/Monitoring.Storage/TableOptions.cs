using Azure.Data.Tables;

namespace Monitoring.Storage;

/// <summary>Where one store keeps its data: an Azure Storage account (or Azurite) and a table in it.</summary>
public abstract class TableOptions
{
    protected TableOptions(string defaultTableName) => TableName = defaultTableName;

    /// <summary>
    /// An Azure Storage connection string. For Azurite on a port other than 10002 use
    /// <see cref="AzuriteConnection.ForTables"/>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The table (3-63 letters and digits, starting with a letter); created at initialisation if missing.</summary>
    public string TableName { get; set; }

    internal TableClient CreateTableClient()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(ConnectionString)} is not set.");
        }
        return new TableClient(ConnectionString, TableName);
    }
}
