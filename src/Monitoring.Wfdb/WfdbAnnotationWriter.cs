using System.Text;

namespace Monitoring.Wfdb;

/// <summary>
/// Writes MIT-format annotation files the way WFDB's putann does, so that rdann, bxb and <see cref="WfdbAnnotationReader"/>
/// read back the same annotations.
/// </summary>
public static class WfdbAnnotationWriter
{
    private const int MaxAuxBytes = 255;    // WFDB keeps the aux length in one byte
    private const int MaxAnnotationCode = MitAnnotationWord.FirstPseudoCode - 1;

    /// <summary>Writes <paramref name="annotations"/> (in non-decreasing sample order) to a new file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">An annotation is out of order or has a field WFDB cannot store; nothing is written.</exception>
    public static void Write(string path, IEnumerable<WfdbAnnotation> annotations)
    {
        byte[] bytes = Encode(annotations); // encode first so invalid input leaves no half-written file
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes <paramref name="annotations"/> (in non-decreasing sample order) to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">An annotation is out of order or has a field WFDB cannot store; nothing is written.</exception>
    public static void Write(Stream stream, IEnumerable<WfdbAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = Encode(annotations);
        stream.Write(bytes);
    }

    private static byte[] Encode(IEnumerable<WfdbAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        using var output = new MemoryStream();
        long previousSample = 0;
        int channel = 0; // CHN and NUM are sticky, starting at 0, so they are written only when they change
        int number = 0;
        int index = 0;
        foreach (var annotation in annotations)
        {
            byte[]? aux = Validate(annotation, index, previousSample);
            long delta = annotation.Sample - previousSample;
            if (annotation.Code == AnnotationCode.NotQrs)
            {
                // A code-0 word with delta 0 would read as end of file: skip to one sample before and use delta 1.
                WriteSkip(output, delta - 1);
                delta = 1;
            }
            else if (delta > MitAnnotationWord.MaxDelta)
            {
                WriteSkip(output, delta);
                delta = 0;
            }

            WriteWord(output, MitAnnotationWord.Make(annotation.Code, (int)delta));
            if (annotation.SubType != 0)
            {
                WriteWord(output, MitAnnotationWord.Make(MitAnnotationWord.Sub, annotation.SubType));
            }

            if (annotation.Channel != channel)
            {
                channel = annotation.Channel;
                WriteWord(output, MitAnnotationWord.Make(MitAnnotationWord.Chn, channel));
            }

            if (annotation.Number != number)
            {
                number = annotation.Number;
                WriteWord(output, MitAnnotationWord.Make(MitAnnotationWord.Num, number));
            }

            if (aux is not null)
            {
                WriteWord(output, MitAnnotationWord.Make(MitAnnotationWord.Aux, aux.Length));
                output.Write(aux);
                if (aux.Length % 2 != 0)
                {
                    output.WriteByte(0); // keep word alignment
                }
            }

            previousSample = annotation.Sample;
            index++;
        }

        WriteWord(output, 0); // end of file
        return output.ToArray();
    }

    /// <summary>Checks the fields fit the MIT format (WFDB's char-sized fields) and returns the aux bytes, if any.</summary>
    private static byte[]? Validate(WfdbAnnotation annotation, int index, long previousSample)
    {
        string where = $"annotation {index} (sample {annotation.Sample})";
        if (annotation.Sample < previousSample)
        {
            throw new ArgumentException(
                index == 0
                    ? $"{where}: sample must not be negative"
                    : $"{where}: comes before the previous annotation at sample {previousSample}; annotations must be in non-decreasing sample order",
                "annotations");
        }

        if (annotation.Sample - previousSample > int.MaxValue)
        {
            throw new ArgumentException($"{where}: more than {int.MaxValue} samples after the previous annotation", "annotations");
        }

        if (annotation.Code is < 0 or > MaxAnnotationCode)
        {
            throw new ArgumentException($"{where}: code {annotation.Code} is not between 0 and {MaxAnnotationCode}", "annotations");
        }

        if (annotation.SubType is < sbyte.MinValue or > sbyte.MaxValue)
        {
            throw new ArgumentException($"{where}: subtype {annotation.SubType} is not between -128 and 127", "annotations");
        }

        if (annotation.Number is < sbyte.MinValue or > sbyte.MaxValue)
        {
            throw new ArgumentException($"{where}: number {annotation.Number} is not between -128 and 127", "annotations");
        }

        if (annotation.Channel is < 0 or > byte.MaxValue)
        {
            throw new ArgumentException($"{where}: channel {annotation.Channel} is not between 0 and 255", "annotations");
        }

        if (annotation.Aux is null)
        {
            return null;
        }

        if (annotation.Aux.Contains('\0'))
        {
            throw new ArgumentException($"{where}: aux string contains a NUL character, which ends a WFDB aux string", "annotations");
        }

        byte[] aux = Encoding.UTF8.GetBytes(annotation.Aux);
        if (aux.Length > MaxAuxBytes)
        {
            throw new ArgumentException($"{where}: aux string is {aux.Length} bytes; at most {MaxAuxBytes} fit", "annotations");
        }

        return aux;
    }

    // SKIP is followed by a signed 32-bit interval stored as two little-endian 16-bit words, high word first.
    private static void WriteSkip(MemoryStream output, long interval)
    {
        int value = (int)interval;
        WriteWord(output, MitAnnotationWord.Make(MitAnnotationWord.Skip, 0));
        WriteWord(output, (value >> 16) & 0xFFFF);
        WriteWord(output, value & 0xFFFF);
    }

    private static void WriteWord(MemoryStream output, int word)
    {
        output.WriteByte((byte)word);
        output.WriteByte((byte)(word >> 8));
    }
}
