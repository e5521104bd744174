using Monitoring.Contracts.Alarms;
using Monitoring.Contracts.Consults;
using Monitoring.Contracts.Live;
using Monitoring.Grains.Live;

namespace Monitoring.Web.Tests;

/// <summary>The server's publisher, but alarm pushes of the patients a test names are lost, as a push between hosts can be.</summary>
public sealed class LosingPublisher(IMonitoringPublisher inner, LosingPublisher.Losses losses) : IMonitoringPublisher
{
    public sealed class Losses
    {
        private readonly HashSet<string> _patients = [];
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public void LoseAlarmsOf(string patientId)
        {
            lock (_patients) _patients.Add(patientId);
        }

        public bool Take(Alarm alarm)
        {
            lock (_patients) if (!_patients.Contains(alarm.PatientId)) return false;
            Interlocked.Increment(ref _lost);
            return true;
        }
    }

    public Task PublishAlarmAsync(Alarm alarm, IReadOnlyList<string> centreIds) =>
        losses.Take(alarm) ? Task.CompletedTask : inner.PublishAlarmAsync(alarm, centreIds);

    public Task PublishConsultAsync(ConsultView consult, IReadOnlyList<string> centreIds) => inner.PublishConsultAsync(consult, centreIds);

    public Task PublishWaveformAsync(WaveformFrame frame) => inner.PublishWaveformAsync(frame);

    public Task PublishVitalsAsync(string? centreId, VitalsUpdate vitals) => inner.PublishVitalsAsync(centreId, vitals);
}
