using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Monitoring.Grains.Telemetry;

namespace Monitoring.Server.Tests;

/// <summary>
/// The authentication-failure metric counts wrong credentials, once each, and nothing else: on the endpoints open to
/// both operators and users, a valid operator key is not a failed user token and a valid user token not a failed
/// operator key. (Before, each such call counted a failure of the other scheme.) Runs alone, since the metric is
/// process-wide and other test classes present wrong credentials on purpose.
/// </summary>
[Collection(AuthenticationFailureCountCollection.Name)]
public class AuthenticationFailureCountTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Only_wrong_credentials_count_as_authentication_failures()
    {
        string physicianToken = await server.RegisterCentreAsync("centre-authcount");
        string facility = ServerFixture.FacilityOf("centre-authcount");
        using var physician = new HttpClient { BaseAddress = server.BaseAddress };
        physician.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", physicianToken);

        using var failures = new FailureCounts();
        for (int i = 0; i < 5; i++)
        {
            // Operator API (operators or network operators) with the operator key; patient data (operators or users) with a user's token.
            Assert.Equal(HttpStatusCode.OK, (await server.Operator.GetAsync($"/api/network/facilities/{facility}")).StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, (await physician.GetAsync("/api/patients/pat-authcount")).StatusCode);
        }
        Assert.Equal(0, failures.Of("Operator"));
        Assert.Equal(0, failures.Of("User"));

        // Wrong credentials still count, once each, under the scheme they claim to be.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithTokenAsync(HttpMethod.Get, $"/api/network/facilities/{facility}", "not-the-operator-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithTokenAsync(HttpMethod.Get, "/api/patients/pat-authcount", "eyJhbGciOiJIUzI1NiJ9.e30.bad-signature")).StatusCode);
        // The monitoring hub takes users only: there any token that fails is a failed user token, JWT or not.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithTokenAsync(HttpMethod.Post, "/hubs/monitoring/negotiate?negotiateVersion=1", "not-a-jwt")).StatusCode);
        Assert.Equal(1, failures.Of("Operator"));
        Assert.Equal(2, failures.Of("User"));
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return await client.SendAsync(request);
    }

    /// <summary>The failures the product's meter counts while it lives, by scheme.</summary>
    private sealed class FailureCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _counts = [];

        public FailureCounts()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MonitoringMetrics.MeterName && instrument.Name == "monitoring.authentication.failures")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (KeyValuePair<string, object?> tag in tags)
                {
                    if (tag.Key != "scheme" || tag.Value is not string scheme) continue;
                    lock (_counts) _counts[scheme] = _counts.GetValueOrDefault(scheme) + value;
                }
            });
            _listener.Start();
        }

        public long Of(string scheme)
        {
            lock (_counts) return _counts.GetValueOrDefault(scheme);
        }

        public void Dispose() => _listener.Dispose();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AuthenticationFailureCountCollection
{
    public const string Name = "Authentication failure counts";
}
