using System.Diagnostics;
using Monitoring.Server.Security;

namespace Monitoring.Server.Tests;

public class PatientIdRedactorTests
{
    [Theory]
    [InlineData("patient/pat-0042", "patient/{patient}")]
    [InlineData("/api/patients/pat-0042/waveform", "/api/patients/{patient}/waveform")]
    [InlineData("http://127.0.0.1:5080/api/patients/MRN.123%2F9?from=1", "http://127.0.0.1:5080/api/patients/{patient}?from=1")]
    [InlineData("device/sim-0001", "device/sim-0001")]
    [InlineData("IPatientGrain/IngestAsync", "IPatientGrain/IngestAsync")]
    public void PatientIdsAreReplacedAndEverythingElseKept(string text, string expected) =>
        Assert.Equal(expected, PatientIdRedactor.Redact(text));

    [Fact]
    public void SpanTagsAreRedactedBeforeExport()
    {
        using var activity = new Activity("call").SetTag("rpc.orleans.target_id", "patient/pat-7").SetTag("url.path", "/api/patients/pat-7").SetTag("other", "x");
        new PatientIdRedactor().OnEnd(activity);
        Assert.Equal(["patient/{patient}", "/api/patients/{patient}", "x"], activity.Tags.Select(t => t.Value));
    }
}
