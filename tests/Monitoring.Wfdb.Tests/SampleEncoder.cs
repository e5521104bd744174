namespace Monitoring.Wfdb.Tests;

/// <summary>
/// Independent encoders for the test files: interleaves frames and packs them as WFDB formats 212, 16 and 80.
/// </summary>
internal static class SampleEncoder
{
    /// <summary>Encodes signals[channel][sample] interleaved frame by frame.</summary>
    public static byte[] Encode(int format, int[][] signals)
    {
        var stream = new List<int>();
        for (int i = 0; i < signals[0].Length; i++)
        {
            foreach (int[] signal in signals)
            {
                stream.Add(signal[i]);
            }
        }

        var bytes = new List<byte>();
        switch (format)
        {
            case 212:
                for (int k = 0; k < stream.Count; k += 2)
                {
                    int a = stream[k] & 0xFFF;
                    bytes.Add((byte)(a & 0xFF));
                    if (k + 1 < stream.Count)
                    {
                        int b = stream[k + 1] & 0xFFF;
                        bytes.Add((byte)((a >> 8) | ((b >> 8) << 4)));
                        bytes.Add((byte)(b & 0xFF));
                    }
                    else
                    {
                        bytes.Add((byte)(a >> 8)); // WFDB flushes a lone last sample as 2 bytes
                    }
                }

                break;
            case 16:
                foreach (int v in stream)
                {
                    bytes.Add((byte)(v & 0xFF));
                    bytes.Add((byte)((v >> 8) & 0xFF));
                }

                break;
            case 80:
                foreach (int v in stream)
                {
                    bytes.Add((byte)(v + 128));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }

        return [.. bytes];
    }

    /// <summary>The WFDB checksum (16-bit sum) of a signal, as a signed number like real headers write it.</summary>
    public static int Checksum(int[] signal) => (short)signal.Sum();
}
