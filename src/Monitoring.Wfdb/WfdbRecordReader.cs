namespace Monitoring.Wfdb;

/// <summary>
/// Reads single-segment WFDB records: the header (.hea) and the samples of signal files in formats 212, 16 and 80.
/// </summary>
public static class WfdbRecordReader
{
    /// <summary>Reads the header of the record at <paramref name="recordPath"/> (path without extension, e.g. ".../mitdb/208").</summary>
    public static WfdbHeader ReadHeader(string recordPath)
    {
        string headerPath = HeaderPath(recordPath);
        string text;
        try
        {
            text = File.ReadAllText(headerPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WfdbFormatException(headerPath, "header file not found", innerException: e);
        }

        return WfdbHeaderParser.Parse(text, headerPath);
    }

    /// <summary>
    /// Reads all samples of the record at <paramref name="recordPath"/>, verifying the file sizes and, where the header
    /// has them, the checksums.
    /// </summary>
    public static WfdbSignals ReadSignals(string recordPath)
    {
        string headerPath = HeaderPath(recordPath);
        var header = ReadHeader(recordPath);
        var files = SignalFile.Group(header, headerPath);

        // Signal file names are relative to the header's directory, not to the working directory.
        string directory = Path.GetDirectoryName(Path.GetFullPath(headerPath)) ?? ".";
        var contents = new byte[files.Count][];
        for (int f = 0; f < files.Count; f++)
        {
            contents[f] = ReadSignalFile(Path.Combine(directory, files[f].FileName), headerPath);
        }

        long frames = header.SampleCount > 0 ? header.SampleCount : FramesInFiles(files, contents);
        if (frames > Array.MaxLength)
        {
            throw new WfdbFormatException(headerPath, $"{frames} samples per signal is more than this reader can hold");
        }

        var samples = new short[header.SignalCount][];
        for (int f = 0; f < files.Count; f++)
        {
            var file = files[f];
            string filePath = Path.Combine(directory, file.FileName);
            long expected = file.ByteOffset + SampleFormat.BytesFor(file.Format, frames * file.SignalCount);
            if (contents[f].Length < expected)
            {
                throw new WfdbFormatException(
                    filePath,
                    $"file is truncated: {frames} samples of {file.SignalCount} signal(s) in format {file.Format} need {expected} bytes, but the file has {contents[f].Length} bytes");
            }

            var channels = new short[file.SignalCount][];
            for (int c = 0; c < channels.Length; c++)
            {
                channels[c] = new short[frames];
                samples[file.FirstSignal + c] = channels[c];
            }

            SampleFormat.Decode(file.Format, contents[f], (int)file.ByteOffset, channels, (int)frames);
            VerifyChecksums(header, file, channels, filePath, headerPath);
        }

        return new WfdbSignals(header with { SampleCount = frames }, samples);
    }

    private static string HeaderPath(string recordPath) =>
        recordPath.EndsWith(".hea", StringComparison.Ordinal) ? recordPath : recordPath + ".hea";

    private static byte[] ReadSignalFile(string filePath, string headerPath)
    {
        try
        {
            return File.ReadAllBytes(filePath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new WfdbFormatException(filePath, $"signal file named in {Path.GetFileName(headerPath)} not found", innerException: e);
        }
    }

    // Without a sample count in the header the shortest signal file decides, as complete frames only.
    private static long FramesInFiles(List<SignalFile> files, byte[][] contents)
    {
        long frames = files.Count == 0 ? 0 : long.MaxValue;
        for (int f = 0; f < files.Count; f++)
        {
            long bytes = Math.Max(0, contents[f].Length - files[f].ByteOffset);
            frames = Math.Min(frames, SampleFormat.SamplesIn(files[f].Format, bytes) / files[f].SignalCount);
        }

        return frames;
    }

    // The WFDB checksum is the sum of all samples of a signal, modulo 2^16 (headers write it as a signed 16-bit number).
    private static void VerifyChecksums(WfdbHeader header, SignalFile file, short[][] channels, string filePath, string headerPath)
    {
        for (int c = 0; c < channels.Length; c++)
        {
            var info = header.Signals[file.FirstSignal + c];
            if (info.Checksum is not int expected)
            {
                continue;
            }

            int sum = 0;
            foreach (short sample in channels[c])
            {
                sum = unchecked(sum + sample);
            }

            if (unchecked((short)sum != (short)expected))
            {
                throw new WfdbFormatException(
                    filePath,
                    $"checksum of signal {file.FirstSignal + c} ('{info.Description}') is {unchecked((short)sum)}, but {Path.GetFileName(headerPath)} says {expected}");
            }
        }
    }
}
