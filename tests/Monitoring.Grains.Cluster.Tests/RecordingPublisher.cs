using System.Collections.Concurrent;
using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Live;
using Monitoring.Grains.Live;

namespace Monitoring.Grains.Cluster.Tests;

/// <summary>Keeps every alarm and consult push with the centres it was sent to; waveforms and vitals are dropped.</summary>
public sealed class RecordingPublisher : IMonitoringPublisher
{
    private readonly ConcurrentQueue<(Alarm Alarm, string[] Centres)> _alarms = new();
    private readonly ConcurrentQueue<(ConsultView Consult, string[] Centres)> _consults = new();

    public IReadOnlyList<(Alarm Alarm, string[] Centres)> Alarms(string patientId) => [.. _alarms.Where(p => p.Alarm.PatientId == patientId)];

    public IReadOnlyList<(ConsultView Consult, string[] Centres)> Consults(string consultId) => [.. _consults.Where(p => p.Consult.ConsultId == consultId)];

    private readonly ConcurrentDictionary<string, bool> _failNextPush = new();

    /// <summary>The patient's next alarm push fails and reaches no console (the backplane unreachable, say).</summary>
    public void FailNextAlarmPush(string patientId) => _failNextPush[patientId] = true;

    public Task PublishAlarmAsync(Alarm alarm, IReadOnlyList<string> centreIds)
    {
        if (_failNextPush.TryRemove(alarm.PatientId, out _)) throw new IOException("Alarm push failed (the test made it fail).");
        _alarms.Enqueue((alarm, [.. centreIds]));
        return Task.CompletedTask;
    }

    public Task PublishConsultAsync(ConsultView consult, IReadOnlyList<string> centreIds)
    {
        _consults.Enqueue((consult, [.. centreIds]));
        return Task.CompletedTask;
    }

    public Task PublishWaveformAsync(WaveformFrame frame) => Task.CompletedTask;

    public Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals) => Task.CompletedTask;
}
