namespace Monitoring.Wfdb.Tests;

/// <summary>Headers of real PhysioNet records: the values below are copied from the .hea files.</summary>
public class RealHeaderTests
{
    [Fact]
    public void Mitdb208_RecordLineAndSignals()
    {
        var header = WfdbRecordReader.ReadHeader(SharedData.Record("mitdb", "208"));

        Assert.Equal("208", header.RecordName);
        Assert.Equal(2, header.SignalCount);
        Assert.Equal(360, header.SamplingFrequency);
        Assert.Equal(650000, header.SampleCount);
        Assert.Equal(
            new WfdbSignalInfo("208.dat", 212, 200, 1024, "mV", 11, 1024, 1003, 8074, 0, "MLII"),
            header.Signals[0]);
        Assert.Equal(
            new WfdbSignalInfo("208.dat", 212, 200, 1024, "mV", 11, 1024, 1062, 20649, 0, "V1"),
            header.Signals[1]);
    }

    [Fact]
    public void Nstdb118e06_GainWithBaselineSyntax()
    {
        // "200(1024)": gain 200 and baseline 1024 although the ADC zero is 0; checksums are negative numbers.
        var header = WfdbRecordReader.ReadHeader(SharedData.Record("nstdb", "118e06"));

        Assert.Equal(360, header.SamplingFrequency);
        Assert.Equal(
            new WfdbSignalInfo("118e06.dat", 212, 200, 1024, "mV", 11, 0, -167, 25488, 0, "MLII"),
            header.Signals[0]);
        Assert.Equal(-30272, header.Signals[1].Checksum);
    }

    [Fact]
    public void Nstdb118e00_Format16()
    {
        var header = WfdbRecordReader.ReadHeader(SharedData.Record("nstdb", "118e00"));

        Assert.All(header.Signals, s => Assert.Equal(16, s.Format));
        Assert.All(header.Signals, s => Assert.Equal(1024, s.Baseline));
    }

    [Fact]
    public void Svdb800_128Hz()
    {
        var header = WfdbRecordReader.ReadHeader(SharedData.Record("svdb", "800"));

        Assert.Equal(2, header.SignalCount);
        Assert.Equal(128, header.SamplingFrequency);
        Assert.Equal(230400, header.SampleCount);
        Assert.Equal(10, header.Signals[0].AdcResolution);
        Assert.Equal("ECG1", header.Signals[0].Description);
    }

    [Fact]
    public void Svdb821_GainZeroMeansDefault200()
    {
        var header = WfdbRecordReader.ReadHeader(SharedData.Record("svdb", "821"));

        Assert.All(header.Signals, s => Assert.Equal(200, s.Gain));
    }

    [Fact]
    public void Cudb01_OneSignal250Hz()
    {
        var header = WfdbRecordReader.ReadHeader(SharedData.Record("cudb", "cu01"));

        Assert.Equal(1, header.SignalCount);
        Assert.Equal(250, header.SamplingFrequency);
        Assert.Equal(127232, header.SampleCount);
        Assert.Equal(400, header.Signals[0].Gain);
        Assert.Equal(-28468, header.Signals[0].Checksum);
    }
}
