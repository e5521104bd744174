using Azure.Data.Tables;

namespace Monitoring.Storage;

/// <summary>
/// Stores a byte payload larger than one binary property allows (64 KiB) in consecutive properties
/// <c>{prefix}0</c>, <c>{prefix}1</c>, ... up to what an entity holds (1 MiB in all, minus room for the other properties).
/// </summary>
internal static class BinaryProperties
{
    public const int MaxPropertyBytes = 64 * 1024;

    /// <summary>15 properties of 64 KiB: 960 KiB, leaving 64 KiB of the 1 MiB entity for keys and metadata.</summary>
    public const int MaxProperties = 15;

    public const int MaxPayloadBytes = MaxPropertyBytes * MaxProperties;

    /// <summary>Splits <paramref name="payload"/> into <paramref name="entity"/>; <paramref name="describe"/> names the
    /// payload in the error thrown when it does not fit.</summary>
    public static void Write(TableEntity entity, string prefix, ReadOnlySpan<byte> payload, Func<string> describe)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException(
                $"{describe()} is {payload.Length:N0} bytes; an Azure Tables entity holds at most {MaxPayloadBytes:N0} bytes " +
                $"({MaxProperties} binary properties of 64 KiB).");
        }
        int index = 0;
        do
        {
            int length = Math.Min(MaxPropertyBytes, payload.Length);
            entity[prefix + index] = payload[..length].ToArray();
            payload = payload[length..];
            index++;
        }
        while (!payload.IsEmpty);
    }

    public static byte[] Read(TableEntity entity, string prefix)
    {
        var parts = new List<byte[]>(1);
        for (int index = 0; entity.ContainsKey(prefix + index); index++)
        {
            parts.Add(entity.GetBinary(prefix + index));
        }
        if (parts.Count == 1)
        {
            return parts[0];
        }
        var payload = new byte[parts.Sum(part => part.Length)];
        int offset = 0;
        foreach (byte[] part in parts)
        {
            part.CopyTo(payload, offset);
            offset += part.Length;
        }
        return payload;
    }
}
