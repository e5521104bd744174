namespace Monitoring.Wfdb;

/// <summary>
/// One signal file of a record and the consecutive header signals stored in it (interleaved, in header order).
/// </summary>
internal sealed record SignalFile(string FileName, int Format, long ByteOffset, int FirstSignal, int SignalCount)
{
    /// <summary>Groups consecutive signals that name the same file, as WFDB does, and checks each group is readable.</summary>
    public static List<SignalFile> Group(WfdbHeader header, string headerPath)
    {
        var files = new List<SignalFile>();
        var signals = header.Signals;
        int i = 0;
        while (i < signals.Count)
        {
            var first = signals[i];
            if (files.Exists(f => f.FileName == first.FileName))
            {
                throw new WfdbFormatException(
                    headerPath, $"signal {i} names file '{first.FileName}' again after other files; signals of one file must be consecutive");
            }

            if (first.FileName == "~")
            {
                throw new WfdbFormatException(headerPath, $"signal {i} has no signal file ('~'); null signals are not supported");
            }

            if (!SampleFormat.IsSupported(first.Format))
            {
                throw new WfdbFormatException(
                    headerPath,
                    $"signal {i} ('{first.Description}' in {first.FileName}) has format {first.Format}, which is not supported (supported: {SampleFormat.SupportedList})");
            }

            int end = i + 1;
            while (end < signals.Count && signals[end].FileName == first.FileName)
            {
                if (signals[end].Format != first.Format || signals[end].ByteOffset != first.ByteOffset)
                {
                    throw new WfdbFormatException(
                        headerPath, $"signals {i} and {end} share file {first.FileName} but differ in format or byte offset");
                }

                end++;
            }

            files.Add(new SignalFile(first.FileName, first.Format, first.ByteOffset, i, end - i));
            i = end;
        }

        return files;
    }
}
