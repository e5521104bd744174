using System.Diagnostics.Metrics;
using Monitoring.Contracts.Network;
using Monitoring.Grains.Telemetry;

namespace Monitoring.Grains.Tests;

public class ConsultMetricsTests
{
    [Fact]
    public void TheQueueLengthGaugeCountsWaitingConsultsByTheTierOfTheirCentre()
    {
        string consult = $"consult-{Guid.NewGuid():N}";
        MonitoringMetrics.TrackConsultWaiting(consult, null); // first use creates the instruments
        int before = CountyQueueLength();

        MonitoringMetrics.TrackConsultWaiting(consult, FacilityTier.County);
        MonitoringMetrics.TrackConsultWaiting(consult, FacilityTier.County); // the same consult counts once
        Assert.Equal(before + 1, CountyQueueLength());

        MonitoringMetrics.TrackConsultWaiting(consult, null);
        Assert.Equal(before, CountyQueueLength());
    }

    private static int CountyQueueLength()
    {
        int county = -1;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Meter.Name: MonitoringMetrics.MeterName, Name: "monitoring.consults.queue_length" }) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "tier", Value: nameof(FacilityTier.County) }) county = value;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return county;
    }
}
