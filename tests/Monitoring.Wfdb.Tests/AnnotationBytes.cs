using System.Text;

namespace Monitoring.Wfdb.Tests;

/// <summary>Builds MIT-format annotation bytes word by word, independently of the writer under test.</summary>
internal sealed class AnnotationBytes
{
    private readonly List<byte> _bytes = [];

    public AnnotationBytes Word(int code, int data)
    {
        int word = (code << 10) | (data & 0x3FF);
        _bytes.Add((byte)word);
        _bytes.Add((byte)(word >> 8));
        return this;
    }

    public AnnotationBytes Skip(int interval) =>
        Word(59, 0).Raw((byte)(interval >> 16), (byte)(interval >> 24), (byte)interval, (byte)(interval >> 8));

    public AnnotationBytes Aux(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        Word(63, bytes.Length).Raw(bytes);
        return bytes.Length % 2 == 1 ? Raw(0) : this;
    }

    public AnnotationBytes End() => Word(0, 0);

    public AnnotationBytes Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    public IReadOnlyList<WfdbAnnotation> Read(string name = "test.atr") =>
        WfdbAnnotationReader.Read(new MemoryStream(ToArray()), name);
}
