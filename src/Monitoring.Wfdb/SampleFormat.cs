namespace Monitoring.Wfdb;

/// <summary>
/// Byte layout of the supported WFDB signal formats (signal(5)). A signal file holds the samples of its signals
/// interleaved frame by frame; the decoders see it as one stream of samples and de-interleave while decoding.
/// </summary>
internal static class SampleFormat
{
    public const string SupportedList = "212, 16, 80";

    public static bool IsSupported(int format) => format is 212 or 16 or 80;

    /// <summary>Bytes that <paramref name="samples"/> stream samples occupy.</summary>
    public static long BytesFor(int format, long samples) => format switch
    {
        212 => samples / 2 * 3 + samples % 2 * 2, // a lone last sample is written as 2 bytes
        16 => samples * 2,
        80 => samples,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Complete stream samples in <paramref name="bytes"/> bytes.</summary>
    public static long SamplesIn(int format, long bytes) => format switch
    {
        212 => bytes / 3 * 2 + (bytes % 3 == 2 ? 1 : 0),
        16 => bytes / 2,
        80 => bytes,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Decodes <paramref name="frames"/> frames starting at <paramref name="offset"/>; channels[k] receives the k-th signal of the file.</summary>
    public static void Decode(int format, byte[] data, int offset, short[][] channels, int frames)
    {
        switch (format)
        {
            case 212:
                Decode212(data, offset, channels, frames);
                break;
            case 16:
                Decode16(data, offset, channels, frames);
                break;
            case 80:
                Decode80(data, offset, channels, frames);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    // Two 12-bit samples in 3 bytes: byte 0 = low 8 bits of the first, byte 1 = high nibbles (first in the low nibble),
    // byte 2 = low 8 bits of the second. Pairs run across frame boundaries when a frame has an odd number of samples.
    private static void Decode212(byte[] data, int offset, short[][] channels, int frames)
    {
        int channelCount = channels.Length;
        long total = (long)frames * channelCount;
        int p = offset;
        int channel = 0;
        int frame = 0;
        for (long k = 0; k < total; k += 2)
        {
            int b1 = data[p + 1];
            int first = data[p] | ((b1 & 0x0F) << 8);
            channels[channel][frame] = (short)((first << 20) >> 20); // sign-extend 12 bits
            if (++channel == channelCount)
            {
                channel = 0;
                frame++;
            }

            if (k + 1 < total)
            {
                int second = data[p + 2] | ((b1 & 0xF0) << 4);
                channels[channel][frame] = (short)((second << 20) >> 20);
                if (++channel == channelCount)
                {
                    channel = 0;
                    frame++;
                }
            }

            p += 3;
        }
    }

    private static void Decode16(byte[] data, int offset, short[][] channels, int frames)
    {
        int channelCount = channels.Length;
        int p = offset;
        for (int frame = 0; frame < frames; frame++)
        {
            for (int channel = 0; channel < channelCount; channel++)
            {
                channels[channel][frame] = (short)(data[p] | (data[p + 1] << 8));
                p += 2;
            }
        }
    }

    // Offset binary: the stored byte is the sample + 128.
    private static void Decode80(byte[] data, int offset, short[][] channels, int frames)
    {
        int channelCount = channels.Length;
        int p = offset;
        for (int frame = 0; frame < frames; frame++)
        {
            for (int channel = 0; channel < channelCount; channel++)
            {
                channels[channel][frame] = (short)(data[p++] - 128);
            }
        }
    }
}
