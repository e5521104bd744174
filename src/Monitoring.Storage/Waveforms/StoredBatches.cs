using System.Globalization;
using System.Text;

namespace Monitoring.Storage.Waveforms;

/// <summary>
/// Which batches of one device one waveform partition (patient, hour) already holds: their sequence ranges and the
/// device time just after the newest stored sample. Kept in a fence row beside the data and changed in the same entity
/// group transaction, so two writers of one device (two activations of its grain while the cluster changes) never
/// both store a batch: the second sees the first's ranges, or its transaction fails on the fence's ETag.
/// </summary>
internal sealed class StoredBatches
{
    /// <summary>Ranges kept; beyond this the oldest go (a stream normally has one range, plus one per recent gap).</summary>
    public const int MaxRanges = 32;

    /// <summary>As the device grain's continuity tolerance: a batch this close to the stored end is not a resend.</summary>
    private const long ContinuityToleranceMs = 100;

    private readonly List<(long First, long Last)> _ranges = [];

    /// <summary>Device time just after the newest stored sample (0: nothing stored).</summary>
    public long EndUnixMs { get; private set; }

    public int RangeCount => _ranges.Count;

    /// <summary>The newest stored batch of the current numbering (null: none).</summary>
    public long? LastSequence => _ranges.Count > 0 ? _ranges[^1].Last : null;

    /// <summary>The first batch of the unbroken run of stored batches that ends with <see cref="LastSequence"/> (null: none).</summary>
    public long? LastRunFirst => _ranges.Count > 0 ? _ranges[^1].First : null;

    public bool Contains(long sequence)
    {
        foreach ((long first, long last) in _ranges)
        {
            if (sequence >= first && sequence <= last) return true;
        }
        return false;
    }

    /// <summary>
    /// True when a batch numbered <paramref name="sequence"/> starting at <paramref name="startUnixMs"/> belongs to a
    /// new numbering (the device restarted its counter): a number already used, on samples newer than any stored. A
    /// resent batch carries old samples.
    /// </summary>
    public bool IsNumberingRestart(long sequence, long startUnixMs) =>
        _ranges.Count > 0 && sequence <= _ranges[^1].Last && startUnixMs >= EndUnixMs - ContinuityToleranceMs;

    /// <summary>Forgets the old numbering's ranges (its batches stay stored; new numbers can no longer match them).</summary>
    public void StartNewNumbering() => _ranges.Clear();

    /// <summary>Batches <paramref name="first"/> to <paramref name="last"/> are now stored, up to device time <paramref name="endUnixMs"/>.</summary>
    public void Add(long first, long last, long endUnixMs)
    {
        int at = 0;
        while (at < _ranges.Count && _ranges[at].First < first) at++;
        _ranges.Insert(at, (first, last));
        // Merge neighbours that touch or overlap.
        for (int i = 0; i + 1 < _ranges.Count;)
        {
            if (_ranges[i + 1].First <= _ranges[i].Last + 1)
            {
                _ranges[i] = (_ranges[i].First, Math.Max(_ranges[i].Last, _ranges[i + 1].Last));
                _ranges.RemoveAt(i + 1);
            }
            else
            {
                i++;
            }
        }
        while (_ranges.Count > MaxRanges) _ranges.RemoveAt(0);
        EndUnixMs = Math.Max(EndUnixMs, endUnixMs);
    }

    /// <summary>"first-last,first-last" (ascending).</summary>
    public string FormatRanges()
    {
        var text = new StringBuilder();
        foreach ((long first, long last) in _ranges)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(CultureInfo.InvariantCulture, $"{first}-{last}");
        }
        return text.ToString();
    }

    public static StoredBatches Parse(string ranges, long endUnixMs, string source)
    {
        var stored = new StoredBatches { EndUnixMs = endUnixMs };
        if (ranges.Length == 0) return stored;
        foreach (string range in ranges.Split(','))
        {
            int dash = range.IndexOf('-', 1);
            if (dash < 0
                || !long.TryParse(range.AsSpan(0, dash), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long first)
                || !long.TryParse(range.AsSpan(dash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long last)
                || last < first)
            {
                throw new InvalidDataException($"{source}: stored batch range '{range}' is not 'first-last'.");
            }
            stored.Add(first, last, endUnixMs);
        }
        return stored;
    }

    /// <summary>An independent copy, to change without touching a cached fence until its write has succeeded.</summary>
    public StoredBatches Copy()
    {
        var copy = new StoredBatches { EndUnixMs = EndUnixMs };
        copy._ranges.AddRange(_ranges);
        return copy;
    }
}
