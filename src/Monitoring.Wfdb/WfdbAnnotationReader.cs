using System.Text;

namespace Monitoring.Wfdb;

/// <summary>
/// Reads MIT-format annotation files (.atr and friends; annot(5) of the WFDB Programmer's Guide).
/// </summary>
public static class WfdbAnnotationReader
{
    /// <summary>Reads all annotations of the file at <paramref name="path"/> (including its extension, e.g. ".../208.atr").</summary>
    public static IReadOnlyList<WfdbAnnotation> Read(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WfdbFormatException(path, "annotation file not found", innerException: e);
        }

        return Parse(data, path);
    }

    /// <summary>Reads all annotations from <paramref name="stream"/>; <paramref name="nameForErrors"/> names it in exceptions.</summary>
    public static IReadOnlyList<WfdbAnnotation> Read(Stream stream, string nameForErrors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(nameForErrors);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), nameForErrors);
    }

    private static List<WfdbAnnotation> Parse(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length % 2 != 0)
        {
            throw new WfdbFormatException(name, $"odd length ({data.Length} bytes): the file is truncated or not an MIT annotation file");
        }

        var annotations = new List<WfdbAnnotation>();
        long time = 0;
        int channel = 0; // CHN and NUM are sticky: they hold for all later annotations
        int number = 0;
        WfdbAnnotation? current = null; // the annotation that SUB/CHN/NUM/AUX words modify
        int p = 0;
        while (p < data.Length)
        {
            int at = p;
            int word = data[p] | (data[p + 1] << 8);
            p += 2;
            if (word == 0)
            {
                break; // logical end of file
            }

            int code = word >> MitAnnotationWord.CodeShift;
            int value = word & MitAnnotationWord.DataMask;
            switch (code)
            {
                case MitAnnotationWord.Skip:
                    if (p + 4 > data.Length)
                    {
                        throw new WfdbFormatException(name, $"SKIP at byte {at} lacks its 4-byte interval: the file is truncated");
                    }

                    // PDP-11 order: the high 16-bit word comes first, each word little-endian.
                    int interval = (data[p] << 16) | (data[p + 1] << 24) | data[p + 2] | (data[p + 3] << 8);
                    time += interval;
                    p += 4;
                    break;

                case MitAnnotationWord.Num:
                    number = MitAnnotationWord.SignExtend(value);
                    current = current is { } n ? n with { Number = number } : null;
                    break;

                case MitAnnotationWord.Chn:
                    channel = value;
                    current = current is { } c ? c with { Channel = channel } : null;
                    break;

                case MitAnnotationWord.Sub:
                    current = RequireCurrent(current, name, "SUB", at) with { SubType = MitAnnotationWord.SignExtend(value) };
                    break;

                case MitAnnotationWord.Aux:
                    var owner = RequireCurrent(current, name, "AUX", at);
                    int padded = (value + 1) & ~1;
                    if (p + padded > data.Length)
                    {
                        throw new WfdbFormatException(
                            name, $"aux string of {value} bytes at byte {at} runs past the end of the file: the file is truncated");
                    }

                    current = owner with { Aux = DecodeAux(data.Slice(p, value)) };
                    p += padded;
                    break;

                default:
                    // An annotation word (code 0..58); code 0 with a nonzero delta is a NOTQRS annotation, as in WFDB.
                    if (current is { } previous)
                    {
                        annotations.Add(previous);
                    }

                    time += value;
                    current = new WfdbAnnotation(time, code, 0, channel, number);
                    break;
            }
        }

        if (current is { } last)
        {
            annotations.Add(last);
        }

        return annotations;
    }

    private static WfdbAnnotation RequireCurrent(WfdbAnnotation? current, string name, string what, int at) =>
        current ?? throw new WfdbFormatException(name, $"{what} at byte {at} comes before the first annotation");

    // WFDB treats aux as a C string; MIT-BIH files store e.g. "(N" with its terminating NUL inside the length.
    private static string DecodeAux(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul >= 0 ? bytes[..nul] : bytes);
    }
}
