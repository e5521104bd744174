namespace Monitoring.Wfdb;

/// <summary>
/// Parses the text of a WFDB header (header(5)): a record line, then one line per signal; '#' lines are comments.
/// </summary>
internal static class WfdbHeaderParser
{
    private const double DefaultSamplingFrequency = 250; // WFDB DEFFREQ
    private const double DefaultGain = 200;              // WFDB_DEFGAIN
    private const string DefaultUnits = "mV";

    public static WfdbHeader Parse(string text, string headerPath)
    {
        var lines = new List<(int Number, string Text)>();
        string[] rawLines = text.Split('\n');
        for (int i = 0; i < rawLines.Length; i++)
        {
            string line = rawLines[i].TrimEnd('\r').Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add((i + 1, line));
            }
        }

        if (lines.Count == 0)
        {
            throw new WfdbFormatException(headerPath, "the header has no record line");
        }

        var (recordLineNumber, recordLine) = lines[0];
        var fields = HeaderLine.Split(recordLine);
        string recordName = fields[0].Text;
        if (recordName.Contains('/'))
        {
            throw new WfdbFormatException(
                headerPath, $"record '{recordName}' is a multi-segment record; multi-segment records are not supported", recordLineNumber);
        }

        var recordFields = new HeaderLine(headerPath, recordLineNumber);
        int signalCount = fields.Count > 1 ? recordFields.ParseInt(fields[1].Text, "signal count") : 0;
        if (signalCount < 0)
        {
            throw new WfdbFormatException(headerPath, $"signal count {signalCount} is negative", recordLineNumber);
        }

        // "360/180(0)": the counter frequency and base counter after '/' are irrelevant for reading samples.
        double frequency = fields.Count > 2 ? recordFields.ParseDouble(fields[2].Text.Split('/')[0], "sampling frequency") : 0;
        if (frequency <= 0)
        {
            frequency = DefaultSamplingFrequency;
        }

        long sampleCount = fields.Count > 3 ? recordFields.ParseLong(fields[3].Text, "sample count") : 0;
        if (sampleCount < 0)
        {
            throw new WfdbFormatException(headerPath, $"sample count {sampleCount} is negative", recordLineNumber);
        }

        // Fields 5 and 6 (base time and date) are not needed to read samples.
        if (lines.Count - 1 < signalCount)
        {
            throw new WfdbFormatException(
                headerPath, $"the record line declares {signalCount} signals but only {lines.Count - 1} signal lines follow");
        }

        var signals = new WfdbSignalInfo[signalCount];
        for (int i = 0; i < signalCount; i++)
        {
            signals[i] = ParseSignalLine(headerPath, lines[i + 1].Number, lines[i + 1].Text);
        }

        return new WfdbHeader(recordName, signalCount, frequency, sampleCount, signals);
    }

    /// <summary>file format[xspf][:skew][+offset] [gain[(baseline)][/units] [adcres [adczero [initval [checksum [blocksize [description]]]]]]]</summary>
    private static WfdbSignalInfo ParseSignalLine(string headerPath, int lineNumber, string text)
    {
        var line = new HeaderLine(headerPath, lineNumber);
        var fields = HeaderLine.Split(text);
        if (fields.Count < 2)
        {
            throw new WfdbFormatException(headerPath, "signal line has no format field", lineNumber);
        }

        string fileName = fields[0].Text;
        var (format, byteOffset) = ParseFormat(line, fields[1].Text);

        double gain = DefaultGain;
        int? baseline = null;
        string units = DefaultUnits;
        if (fields.Count > 2)
        {
            (gain, baseline, units) = ParseGain(line, fields[2].Text);
        }

        int adcResolution = fields.Count > 3 ? line.ParseInt(fields[3].Text, "ADC resolution") : 0;
        if (adcResolution == 0)
        {
            adcResolution = NaturalResolution(format);
        }

        int adcZero = fields.Count > 4 ? line.ParseInt(fields[4].Text, "ADC zero") : 0;
        int initialValue = fields.Count > 5 ? line.ParseInt(fields[5].Text, "initial value") : adcZero;
        int? checksum = fields.Count > 6 ? line.ParseInt(fields[6].Text, "checksum") : null;
        int blockSize = fields.Count > 7 ? line.ParseInt(fields[7].Text, "block size") : 0;

        // The description is the rest of the line and may contain spaces.
        string description = fields.Count > 8 ? text[fields[8].Start..].Trim() : string.Empty;

        return new WfdbSignalInfo(
            fileName, format, gain, baseline ?? adcZero, units, adcResolution, adcZero, initialValue, checksum, blockSize, description)
        {
            ByteOffset = byteOffset,
        };
    }

    private static (int Format, long ByteOffset) ParseFormat(HeaderLine line, string field)
    {
        int end = 0;
        while (end < field.Length && char.IsAsciiDigit(field[end]))
        {
            end++;
        }

        int format = line.ParseInt(field[..end], "format", field);
        long byteOffset = 0;
        string rest = field[end..];
        while (rest.Length > 0)
        {
            char kind = rest[0];
            int next = 1;
            while (next < rest.Length && rest[next] is not ('x' or ':' or '+'))
            {
                next++;
            }

            string value = rest[1..next];
            switch (kind)
            {
                case 'x' when line.ParseInt(value, "samples per frame", field) == 1:
                    break;
                case 'x':
                    throw line.Error($"format '{field}': multi-frequency records (several samples per frame) are not supported");
                case ':' when line.ParseInt(value, "skew", field) == 0:
                    break;
                case ':':
                    throw line.Error($"format '{field}': signal skew is not supported");
                case '+':
                    byteOffset = line.ParseLong(value, "byte offset", field);
                    if (byteOffset < 0)
                    {
                        throw line.Error($"format '{field}': byte offset is negative");
                    }

                    break;
                default:
                    throw line.Error($"format '{field}' is not a number");
            }

            rest = rest[next..];
        }

        return (format, byteOffset);
    }

    /// <summary>"200", "200(1024)", "200/mV", "200(1024)/mV"; 0 means the default gain.</summary>
    private static (double Gain, int? Baseline, string Units) ParseGain(HeaderLine line, string field)
    {
        string gainText = field;
        string units = DefaultUnits;
        int slash = gainText.IndexOf('/');
        if (slash >= 0)
        {
            units = gainText[(slash + 1)..];
            gainText = gainText[..slash];
        }

        int? baseline = null;
        int open = gainText.IndexOf('(');
        if (open >= 0)
        {
            int close = gainText.IndexOf(')', open);
            if (close < 0)
            {
                throw line.Error($"gain '{field}' has '(' without ')'");
            }

            baseline = line.ParseInt(gainText[(open + 1)..close], "baseline", field);
            gainText = gainText[..open];
        }

        double gain = line.ParseDouble(gainText, "gain", field);
        return (gain == 0 ? DefaultGain : gain, baseline, units);
    }

    private static int NaturalResolution(int format) => format switch
    {
        8 or 80 => 8,
        212 => 12,
        310 or 311 => 10,
        24 => 24,
        32 => 32,
        _ => 16,
    };
}
