namespace Monitoring.Storage;

/// <summary>
/// Connection strings for the Azurite emulator's well-known development account. <c>UseDevelopmentStorage=true</c>
/// always means port 10002, so an Azurite on any other port (tests, several servers on one machine) needs the
/// explicit form built here.
/// </summary>
public static class AzuriteConnection
{
    /// <summary>The emulator's fixed account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's fixed, publicly documented account key (not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The connection string of Azurite's Table service at <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static string ForTables(int port, string host = "127.0.0.1")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
               $"TableEndpoint=http://{host}:{port}/{AccountName};";
    }
}
